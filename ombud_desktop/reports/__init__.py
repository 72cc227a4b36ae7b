"""Reports: report data built by pure functions (data.py) and its rendering to PDF (render.py).

No Qt here: the app previews and prints the PDF bytes these functions return.
"""
