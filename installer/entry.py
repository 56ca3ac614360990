"""PyInstaller's entry script: the bundled program is the `secretary-app` command line."""

import sys

from secretary_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
