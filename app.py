"""Registry Decision Dashboard: the router and the frame every page shares.

The pages are the files in pages/, each declaring its title, icon and place in the menu (ui/shell.py).
"""

from ui import shell

shell.navigate()
