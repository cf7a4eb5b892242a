import sys

from studytui.cli import main

sys.exit(main())
