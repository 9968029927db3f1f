"""Words and pictures at the edge: tables, charts, colours, the text report and the wording of setups
and situations, in the reader's language. Imports the analyses and below.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
