"""Where the lesson's server listens. The only module of the game that touches sockets, and
it only ever binds and listens: it never connects anywhere (tests/test_no_network.py reads
this file to check). The computer's LAN address is asked of the computer itself, with no
packet sent: on Linux and macOS, each network interface's address (an `ioctl`, as `ifconfig`
does); elsewhere (Windows), what its own host name resolves to."""
from __future__ import annotations

import ipaddress
import socket
import struct
import sys

#: the `ioctl` that reads an interface's IPv4 address (SIOCGIFADDR)
_GET_ADDRESS = {"linux": 0x8915, "darwin": 0xC0206921}


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback and link-local, private ones
    first (may be none: then only loopback, and the teacher gives --host)."""
    found = [ip for ip in _interface_addresses() + _host_name_addresses() if _usable(ip)]
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda ip: not ipaddress.ip_address(ip).is_private)


def _usable(ip: str) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not (address.is_loopback or address.is_link_local or address.is_unspecified)


def _interface_addresses() -> list[str]:
    request = _GET_ADDRESS.get(sys.platform)
    if request is None or not hasattr(socket, "if_nameindex"):
        return []
    import fcntl   # Linux and macOS only, as _GET_ADDRESS

    try:
        names = [name for _, name in socket.if_nameindex()]
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)   # never connected
    except OSError:
        return []
    found = []
    with probe:
        for name in names:
            try:
                raw = fcntl.ioctl(probe.fileno(), request,
                                  struct.pack("256s", name.encode()[:15]))
            except OSError:      # an interface with no IPv4 address
                continue
            found.append(socket.inet_ntoa(raw[20:24]))
    return found


def _host_name_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET,
                                   socket.SOCK_STREAM)
    except OSError:
        return []
    return [addr[0] for *_, addr in infos]


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
