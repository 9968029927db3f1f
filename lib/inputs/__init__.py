"""What a run is given: the workload and its scenario files, presets and share links, the regions, the
price book and the vendors' price lists that update it. Imports only lib.core.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
