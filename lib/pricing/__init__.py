"""Pricing: a registry's named cost components (lib.pricing.registries, one module per registry), the
engine that prices every registry, the setups each can run in, its features and their names.
Imports lib.core and lib.inputs.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
