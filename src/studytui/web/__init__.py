"""`studytui serve`: the app in a web browser. Needs the `web` extra (textual-serve)."""
