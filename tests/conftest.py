import os

# Qt aborts on a machine with no display unless told to draw offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
