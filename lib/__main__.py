import sys

if sys.argv[1:2] == ["measure"]:
    # measuring reads files: it needs neither the pricing engine nor pandas, which lib.cli loads
    from .measure.cli import main
else:
    from .cli import main

sys.exit(main())
