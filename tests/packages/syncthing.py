"""Two real Syncthing instances on this machine, for tests: local addresses only.

No global or local discovery, no relays, no NAT traversal, no usage or crash reporting, no
upgrades: each instance listens on 127.0.0.1 and knows the other's address. Homes are under
the test's tmp_path; ``stop`` kills the processes (the fixture calls it in its finalizer).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

BINARY = shutil.which("syncthing")

OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "urSeen": "3",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "reconnectionIntervalS": "1",
    "setLowPriority": "false",
    "announceLANAddresses": "false",
    "stunServer": "",
}


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    """One Syncthing home: its device id, listening port and the folder it shares."""

    name: str
    home: Path
    device_id: str = ""
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path = field(default_factory=Path)

    def generate(self) -> None:
        """Create the key, certificate and a default configuration."""
        env = {**os.environ, "STNODEFAULTFOLDER": "1"}
        subprocess.run(
            [BINARY or "syncthing", "generate", f"--home={self.home}"],
            check=True, capture_output=True, env=env, timeout=60,
        )
        root = ET.parse(self.home / "config.xml").getroot()
        self.device_id = root.find("device").get("id")  # type: ignore[union-attr]
        self.port = free_port()
        self.log = self.home / "syncthing.log"

    def configure(self, other: Instance, folder: Path, folder_type: str) -> None:
        """Share ``folder`` with ``other`` only (``sendonly`` or ``receiveonly``)."""
        tree = ET.parse(self.home / "config.xml")
        root = tree.getroot()
        options = root.find("options")
        assert options is not None
        for key, value in OPTIONS.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value
        for element in options.findall("listenAddress"):
            options.remove(element)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.port}"
        gui = root.find("gui")
        assert gui is not None
        gui.set("enabled", "false")
        peer = ET.SubElement(
            root, "device", id=other.device_id, name=other.name, compression="never",
            introducer="false",
        )
        ET.SubElement(peer, "address").text = f"tcp://127.0.0.1:{other.port}"
        ET.SubElement(peer, "autoAcceptFolders").text = "false"
        shared = ET.SubElement(
            root, "folder", id="ombud-packages", label="Ombud packages", path=str(folder),
            type=folder_type, rescanIntervalS="2", fsWatcherEnabled="true",
            fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true",
        )
        ET.SubElement(shared, "filesystemType").text = "basic"
        for device in (self.device_id, other.device_id):
            ET.SubElement(shared, "device", id=device, introducedBy="")
        if folder_type == "receiveonly":  # what a deleted file leaves: .stversions
            versioning = ET.SubElement(shared, "versioning", type="simple")
            ET.SubElement(versioning, "param", key="keep", val="5")
        tree.write(self.home / "config.xml")

    def start(self) -> None:
        """Start ``syncthing serve`` in the background, its output in ``log``."""
        env = {
            **os.environ,
            "STNOUPGRADE": "1",
            "STNODEFAULTFOLDER": "1",
            "STNORESTART": "1",
            "STMONITORED": "1",
        }
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    BINARY or "syncthing", "serve", f"--home={self.home}", "--no-browser",
                    "--no-restart", "--no-upgrade", "--no-default-folder",
                ],
                stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True,
            )

    def stop(self) -> None:
        """Kill the process (and wait for it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)


def pair(root: Path, outbox: Path, inbox: Path) -> tuple[Instance, Instance]:
    """Return an assessor (outbox, Send Only) and a supervisor (inbox, Receive Only), set up."""
    assessor = Instance("assessor", root / "st-assessor")
    supervisor = Instance("supervisor", root / "st-supervisor")
    for instance in (assessor, supervisor):
        instance.generate()
    assessor.configure(supervisor, outbox, "sendonly")
    supervisor.configure(assessor, inbox, "receiveonly")
    return assessor, supervisor
