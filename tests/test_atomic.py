"""write_atomic: replaces a regular file whole, writes through links, refuses devices, FIFOs
and folders in one line, keeps the permissions it finds, and cleans the temp files that
killed writers left, never a live writer's."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.base.files import OutputFileError, atomic_writer, write_atomic
from kg.base.locks import create_locked
from kg.cli import cli


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".nnkg-tmp"))


def test_through_a_link_the_file_it_points_to_is_written(tmp_path):
    target, link = tmp_path / "real.html", tmp_path / "link.html"
    target.write_bytes(b"old")
    link.symlink_to(target.name)
    write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == "real.html"
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "real.html"]


def test_a_link_to_nothing_yet_makes_the_file_it_names(tmp_path):
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "sub" / "real.html")
    write_atomic(link, b"new")
    assert link.is_symlink() and (tmp_path / "sub" / "real.html").read_bytes() == b"new"


def _device(tmp_path: Path) -> Path:
    """A character device like /dev/full, made in the temp folder (needs root)."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return node


@pytest.mark.parametrize("kind", ["FIFO", "folder", "device", "link to a device", "link loop"])
def test_what_is_not_a_regular_file_is_refused_and_left_alone(tmp_path, kind):
    path = tmp_path / "out"
    if kind == "FIFO":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path = _device(tmp_path)
    elif kind == "link to a device":
        path.symlink_to(_device(tmp_path))
    else:
        path.symlink_to(tmp_path / "loop")
        (tmp_path / "loop").symlink_to(path)
    before = os.lstat(path)
    why = {
        "FIFO": "is a FIFO (named pipe), not a regular file; nnkg writes only regular files",
        "folder": "is a folder, not a regular file; nnkg writes only regular files",
        "device": "is a character device, not a regular file; nnkg writes only regular files",
        "link loop": "a symbolic link loop",
    }
    with pytest.raises(OutputFileError) as raised:
        write_atomic(path, b"data")
    assert str(raised.value) == f"{path}: {why.get(kind, why['device'])}"
    after = os.lstat(path)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert _temps(tmp_path) == []


def test_render_to_a_device_is_one_line_and_keeps_the_device(runner, tmp_path, built):
    node = _device(tmp_path)
    result = runner.invoke(cli, ["render", "-o", str(node), "--build", str(built)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {node}: is a character device, not a regular file; nnkg writes only regular "
        "files\n"
    )
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_replaced_file_keeps_its_permissions_and_owner(tmp_path):
    path = tmp_path / "secret.ttl"
    path.write_bytes(b"old")
    path.chmod(0o600)
    if os.geteuid() == 0:
        os.chown(path, 1234, 5678)
    write_atomic(path, b"new")
    info = path.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600 and path.read_bytes() == b"new"
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_a_new_file_gets_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.ttl", b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.ttl").stat().st_mode) == 0o640


def test_a_failed_block_leaves_the_old_file_and_no_temp_file(tmp_path):
    path = tmp_path / "out.ttl"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(path) as stream:
        stream.write(b"half")
        raise RuntimeError("the writer failed")
    assert path.read_bytes() == b"old" and _temps(tmp_path) == []


def test_a_killed_writers_temp_file_goes_and_a_live_writers_stays(tmp_path):
    path = tmp_path / "out.ttl"
    writer = subprocess.Popen(  # a real writer, killed in the middle of its write
        [
            sys.executable,
            "-c",
            "import sys, time; from kg.base.files import atomic_writer\n"
            "with atomic_writer(sys.argv[1]) as s:\n"
            "    s.write(b'half'); s.flush(); time.sleep(60)",
            str(path),
        ]
    )
    deadline = time.monotonic() + 60
    while not _temps(tmp_path):
        assert writer.poll() is None and time.monotonic() < deadline
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    (dead,) = _temps(tmp_path)
    other = tmp_path / ".other.ttl.0123abcd.nnkg-tmp"  # another target's: not this write's
    other.write_bytes(b"")
    with atomic_writer(path) as live:  # a live writer of the same file, in this process
        live.write(b"live")
        (live_temp,) = set(_temps(tmp_path)) - {dead, other.name}
        write_atomic(path, b"second")  # cleans the dead writer's temp file, not the live one
        assert set(_temps(tmp_path)) == {live_temp, other.name}
        assert path.read_bytes() == b"second"
    assert path.read_bytes() == b"live" and _temps(tmp_path) == [other.name]


def test_a_temp_file_swept_before_it_was_locked_is_made_anew(tmp_path):
    made = []

    def make():
        path = tmp_path / f"entry-{len(made)}"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL)
        made.append(path)
        if len(made) == 1:
            path.unlink()  # as a sweeper would, between the making and the locking
        return path, fd

    path, fd = create_locked(make)
    os.close(fd)
    assert path == tmp_path / "entry-1" and path.exists() and len(made) == 2
