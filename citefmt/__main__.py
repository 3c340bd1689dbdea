"""`python -m citefmt` runs the same entry point as the console script."""

from citefmt.cli import main

raise SystemExit(main())
