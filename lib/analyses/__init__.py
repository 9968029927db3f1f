"""Analyses over the priced registries and the decision: the one `Analysis` every page and exporter
takes, comparisons, the timeline, sensitivity and break-even, migrations, decision sweeps.
Imports the decision and below. (lib.measure and lib.bill sit on this layer too, each on its own.)

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
