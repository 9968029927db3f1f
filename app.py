"""Registry Decision Dashboard: the router and the frame every page shares.

The pages are the files in pages/, each declaring its title, icon and place in the menu (ui/shell.py).
"""

from ui import server_limits, shell

server_limits.install()  # once per process: per-session upload and rerun bounds (issue 30)
shell.navigate()
