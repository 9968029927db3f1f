"""What leaves the app: the slide deck, the architecture decision record, CSV/XLSX/JSON and pictures.
Imports presentation and below; only lib.cli (and the pages) import it.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
