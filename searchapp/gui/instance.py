"""One window per index: the window listens on a local socket named after its index folder; a
second launch on the same index hands it the folders and files to add, brings it to the front,
and exits instead of opening a second window.

The socket is a Unix domain socket (a named pipe on Windows) that only this user can connect to.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

WAIT_MS = 3000


def server_name(index_dir: Path) -> str:
    """The same for every launch of this user on this index folder, different for any other."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment: the index alone decides
        user = ""
    key = hashlib.sha256(f"{user}\0{Path(index_dir).resolve()}".encode()).hexdigest()[:20]
    return f"searchapp-{key}"


def hand_over(index_dir: Path, paths: list[Path]) -> bool:
    """Give `paths` to a window already open on `index_dir`; True if there is one (then this launch
    has nothing more to do)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(index_dir))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(json.dumps({"paths": [str(path) for path in paths]}).encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(WAIT_MS)
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
    if not answered:
        log.warning("the window already open on %s did not answer in time", index_dir)
    socket.disconnectFromServer()
    return True


def _answers(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    connected = socket.waitForConnected(500)
    socket.abort()
    return connected


class InstanceServer(QObject):
    """Listens for later launches on the same index; emits `launched(paths)` for each."""

    launched = Signal(list)  # the folders and files the later launch was given (maybe none)

    def __init__(self, index_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(index_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.other_window = False  # another launch started listening first (two launches at once)
        if not self.server.listen(self.name):
            if _answers(self.name):
                self.other_window = True
                return
            # A socket file left by a window that crashed: nobody answers on it, so take it over.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("cannot listen for other launches on %s: %s", index_dir, self.server.errorString())

    def is_listening(self) -> bool:
        return self.server.isListening()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            paths = [Path(p) for p in json.loads(line.decode("utf-8")).get("paths", [])]
        except (ValueError, AttributeError, TypeError):
            log.warning("ignoring a malformed message from another launch: %r", line[:200])
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.launched.emit(paths)

    def close(self) -> None:
        self.server.close()
