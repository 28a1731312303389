"""Where the lesson's server listens. The only module of the game that touches sockets, and
it only ever binds and listens: it never connects anywhere (tests/test_no_network.py reads
this file to check). The computer's LAN address comes from its own host name, looked up in
its own resolver, with no packet sent."""
from __future__ import annotations

import ipaddress
import socket
import sys


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback, as its host name resolves (may
    be none: then only loopback, and the teacher gives --host)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET,
                                   socket.SOCK_STREAM)
    except OSError:
        return []
    found = []
    for *_, addr in infos:
        ip = addr[0]
        try:
            usable = not ipaddress.ip_address(ip).is_loopback
        except ValueError:
            usable = False
        if usable and ip not in found:
            found.append(ip)
    return found


def default_hosts() -> list[str]:
    """The LAN address (if the computer has one) and loopback."""
    return lan_addresses()[:1] + ["127.0.0.1"]


def _bound(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)   # asyncio then
    # turns off Nagle on each connection (with proto 0 it does not: +40 ms a page)
    try:
        if sys.platform != "win32":   # on Windows this would let another program share it
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock


def listen(hosts: list[str], port: int = 0, tries: int = 20) -> tuple[list[socket.socket], int]:
    """Listening sockets on every host, all on one port: `port`, or (0) a free one. Raises
    OSError (with the host in `.host`) when a host cannot be used."""
    for _ in range(tries if port == 0 else 1):
        socks: list[socket.socket] = []
        chosen = port
        try:
            for host in hosts:
                try:
                    sock = _bound(host, chosen)
                except OSError as exc:
                    exc.host = host   # type: ignore[attr-defined]
                    raise
                socks.append(sock)
                chosen = sock.getsockname()[1]
            return socks, chosen
        except OSError:
            for s in socks:
                s.close()
            if port != 0 or len(hosts) == 1:
                raise
    raise OSError("no free port was found")
