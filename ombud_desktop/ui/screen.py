"""Windows that fit the screen they open on, down to a 1024×600 netbook.

Every top-level window and dialog passes through :class:`ScreenFit` when it is shown: it is
made no larger than the screen's available area and moved inside it, so its buttons are never
off-screen. ScreenFit watches windows, not the application: ``app.py`` watches the main window,
and a watched window hands the watch on to each window and dialog it parents. A window whose
content cannot shrink that far must scroll (a QScrollArea) or split; ``tests/ui/test_screen_fit.py``
opens every window and dialog on a 1024×600 screen and checks that each button is visible.

A restored geometry is clamped the same way, and never comes back smaller than a sensible
minimum (a window once left at 694×189 on a small screen reopens usable).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

# The smallest screen the app is made for (a netbook; a tablet in landscape).
SMALLEST = QSize(1024, 600)
# A restored main window is at least this big (or the whole screen when that is smaller).
RESTORED_MINIMUM = QSize(800, 500)


def available_area(widget: QWidget) -> QRect:
    """Return the available area (without task bars) of the screen ``widget`` is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink ``widget`` (a window) to the screen's available area and move it inside.

    The window's frame (title bar, borders) is counted, so its whole outside fits.
    """
    area = area or available_area(widget)
    frame = widget.frameGeometry()
    geometry = widget.geometry()
    extra_w = max(0, frame.width() - geometry.width())
    extra_h = max(0, frame.height() - geometry.height())
    width = min(geometry.width(), area.width() - extra_w)
    height = min(geometry.height(), area.height() - extra_h)
    width = max(width, min(widget.minimumWidth(), area.width()))
    height = max(height, min(widget.minimumHeight(), area.height()))
    if (width, height) != (geometry.width(), geometry.height()):
        widget.resize(width, height)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def clamp_restored(widget: QWidget, minimum: QSize = RESTORED_MINIMUM) -> None:
    """After a restore: at least ``minimum`` (within the screen), at most the screen."""
    if widget.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager sizes it to the screen
    area = available_area(widget)
    width = max(widget.width(), min(minimum.width(), area.width()))
    height = max(widget.height(), min(minimum.height(), area.height()))
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    fit_to_screen(widget, area)


def is_fitted_window(widget: object) -> bool:
    """Return True for the windows ScreenFit looks after: windows and dialogs, not popups."""
    return (
        isinstance(widget, QWidget)
        and widget.isWindow()
        and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    )


class ScreenFit(QObject):
    """Fit every dialog and main window to its screen as it is shown.

    A filter on the whole application would see every event of every widget, each one wrapped
    for Python (at start alone it made PySide set up 120 more Qt classes, and it ran on every
    key press and repaint). So it watches windows only: a watched window's ChildPolished event,
    which comes before a child's first Show, hands the watch on to a child that is a window or
    dialog (a message box or file dialog opened over it, and theirs in turn). A window made
    without a parent is watched by whoever makes it (:meth:`watch`).
    """

    _installed: ScreenFit | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            if is_fitted_window(watched):
                assert isinstance(watched, QWidget)
                fit_to_screen(watched)
        elif kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]  # a QChildEvent
            if is_fitted_window(child):
                child.installEventFilter(self)  # once: Qt drops an earlier copy of it
        return False

    @classmethod
    def install(cls, app: QApplication) -> ScreenFit:
        """Make the application's one (kept as its child) and return it; windows are watched
        with :meth:`watch`."""
        fit = cls(app)
        ScreenFit._installed = fit  # one for the application, whichever class made it
        fit.destroyed.connect(ScreenFit._forget)
        return fit

    @staticmethod
    def _forget() -> None:
        ScreenFit._installed = None

    @classmethod
    def watch(cls, window: QWidget) -> None:
        """Fit ``window`` (one made without a parent) and the windows it parents as they show.

        Does nothing when no ScreenFit was installed (a test that shows a window alone).
        """
        if ScreenFit._installed is not None:
            window.installEventFilter(ScreenFit._installed)
