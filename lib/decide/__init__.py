"""The decision: the decision tree (data/decision_tree.yaml), the setup that serves a workload and the
recommendation with its reasons. Imports pricing and below.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
