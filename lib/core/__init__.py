"""The foundation: the project's errors, the language a run speaks (`_`, `quote`), one number format,
frozen data, safe YAML and bounded readers. Imports nothing else of lib.

The layers and the rule that each imports only below itself: .importlinter (checked by `make test`)."""
