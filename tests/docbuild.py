"""Small .doc and .ofd files made by the tests themselves (no Word, WPS or LibreOffice needed).

``make_doc`` writes a Word 97-2003 binary document as MS-DOC and MS-CFB describe it, with
only what a reader needs: a compound file (512-byte sectors, one FAT sector, streams of at
least 4096 bytes so none goes to the mini stream) holding a ``WordDocument`` stream (a
Word 97 FIB, then the text pieces, then one CHPX page when some text is hidden) and a
``1Table`` stream (the piece table, and the CHPX bin table). ``olefile`` only reads
compound files, hence this writer.

``make_ofd`` zips an OFD package (GB/T 33190): OFD.xml → Document.xml → pages, each a
Content.xml of TextObjects with TextCodes, optionally a template page.
"""
from __future__ import annotations

import io
import struct
import zipfile

SECTOR = 512
END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def make_cfb(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding the given streams in its root storage."""
    names = list(streams)
    datas = [streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names]
    sectors: list[bytes] = []
    fat: list[int] = []
    starts = []
    for d in datas:
        d += b"\0" * (-len(d) % SECTOR)
        first = len(sectors)
        starts.append(first)
        count = len(d) // SECTOR
        for k in range(count):
            sectors.append(d[k * SECTOR:(k + 1) * SECTOR])
            fat.append(first + k + 1 if k + 1 < count else END)
    # directory: root + streams, 4 entries a sector
    entries = [_dirent("Root Entry", 5, child=1 if names else NOSTREAM, start=END, size=0)]
    # a degenerate tree: each entry's right sibling is the next one (olefile accepts it)
    for k, (n, d) in enumerate(zip(names, streams.values())):
        right = k + 2 if k + 1 < len(names) else NOSTREAM
        entries.append(_dirent(n, 2, right=right, start=starts[k], size=max(len(d), 4096)))
    while len(entries) % 4:
        entries.append(b"\0" * 68 + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 48)
    dir_first = len(sectors)
    dir_count = len(entries) // 4
    for k in range(dir_count):
        sectors.append(b"".join(entries[4 * k:4 * k + 4]))
        fat.append(dir_first + k + 1 if k + 1 < dir_count else END)
    fat_sector = len(sectors)
    fat.append(FATSECT)
    assert len(fat) <= SECTOR // 4, "test files stay small"
    fat += [FREE] * (SECTOR // 4 - len(fat))
    sectors.append(struct.pack(f"<{SECTOR // 4}I", *fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, dir_first, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", fat_sector, *([FREE] * 108)))
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _dirent(name: str, kind: int, *, left=NOSTREAM, right=NOSTREAM, child=NOSTREAM, start=END, size=0) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw + b"\0" * (64 - len(raw)) + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", left, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<II", start, size) + b"\0" * 4)


def make_doc(pieces: list[tuple[str, bool]], *, header: str = "", lid: int = 0x0804, hidden: tuple[str, ...] = (),
             nfib: int = 0x00C1, encrypted: bool = False) -> bytes:
    """A .doc whose main text is the pieces in order (``(text, compressed)``: 8-bit in the
    code page of ``lid`` when compressed, else UTF-16), then ``header`` as the header story.
    Text equal to one of ``hidden`` (inside a UTF-16 piece) is formatted hidden."""
    text_at = 0x400
    blob = bytearray()
    pcds = []
    cps = [0]
    codepage = {0x0804: "cp936", 0x0404: "cp950"}.get(lid, "cp1252")
    all_pieces = list(pieces) + ([(header, False)] if header else [])
    hidden_fc: list[tuple[int, int]] = []
    for t, compressed in all_pieces:
        fc = text_at + len(blob)
        if compressed:
            enc = t.encode(codepage)
            pcds.append((fc * 2) | 0x40000000)
        else:
            enc = t.encode("utf-16-le")
            pcds.append(fc)
            for h in hidden:
                at = t.find(h)
                if at >= 0:
                    hidden_fc.append((fc + 2 * at, fc + 2 * (at + len(h))))
        blob += enc
        cps.append(cps[-1] + (len(enc) if compressed else len(t)))  # a CP is a byte of an 8-bit piece
    table = bytearray()
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in pcds)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    fc_clx = len(table)
    table += clx
    word = bytearray(text_at) + blob
    fc_bte = lcb_bte = 0
    if hidden_fc:
        word += b"\0" * (-len(word) % SECTOR)
        pn = len(word) // SECTOR
        lo, hi = text_at, text_at + len(blob)
        bounds = sorted({lo, hi, *[x for r in hidden_fc for x in r]})
        runs = list(zip(bounds, bounds[1:]))
        page = bytearray(SECTOR)
        crun = len(runs)
        struct.pack_into(f"<{crun + 1}I", page, 0, *bounds)
        chpx_at = SECTOR - 1 - 4  # one CHPX: cb=3, sprmCFVanish on
        chpx_at -= chpx_at % 2
        page[chpx_at:chpx_at + 4] = bytes([3, 0x3C, 0x08, 0x01])
        for r, (a, b) in enumerate(runs):
            page[4 * (crun + 1) + r] = chpx_at // 2 if (a, b) in hidden_fc else 0
        page[SECTOR - 1] = crun
        word += page
        fc_bte = len(table)
        table += struct.pack("<III", lo, hi, pn)
        lcb_bte = 12
    fib = bytearray(900)
    flags = 0x0200 | (0x0100 if encrypted else 0)  # fWhichTblStm: 1Table
    struct.pack_into("<HHHH", fib, 0, 0xA5EC, nfib, 0, lid)
    struct.pack_into("<H", fib, 0x0A, flags)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    lw = 64
    struct.pack_into("<iii", fib, lw + 12, cps[len(pieces)], 0, len(header))
    struct.pack_into("<H", fib, lw + 88, 93)
    fclcb = lw + 88 + 2
    struct.pack_into("<II", fib, fclcb + 8 * 33, fc_clx, len(clx))
    struct.pack_into("<II", fib, fclcb + 8 * 12, fc_bte, lcb_bte)
    word[:len(fib)] = fib
    return make_cfb({"WordDocument": bytes(word), "1Table": bytes(table)})


def make_ofd(pages: list[list[tuple[float, float, str, float]]], *, template: list[tuple[float, float, str, float]] = (),
             title: str | None = None, deltas: bool = False) -> bytes:
    """An OFD package: each page a list of ``(x, y, text, size)`` text objects (mm, y down);
    ``template`` text objects sit on a template page every page uses; ``deltas`` writes
    each character's advance in DeltaX instead of one run."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = f"<ofd:Title>{title}</ofd:Title>" if title else ""
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                   f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID>{info}<ofd:CreationDate>2024-05-06</ofd:CreationDate>"
                   "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_refs = "".join(f'<ofd:Page ID="{10 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        tpl = '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
                   '<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
                   f"</ofd:PageArea>{tpl}</ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        for k, objs in enumerate(pages):
            use = '<ofd:Template TemplateID="2"/>' if template else ""
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}>{use}<ofd:Content><ofd:Layer ID="{100 + k}">'
                       + "".join(_text_object(o, deltas) for o in objs) + "</ofd:Layer></ofd:Content></ofd:Page>")
        if template:
            z.writestr("Doc_0/Tpls/Tpl_0/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="3">'
                       + "".join(_text_object(o, deltas) for o in template) + "</ofd:Layer></ofd:Content></ofd:Page>")
    return buf.getvalue()


def _text_object(obj: tuple, deltas: bool) -> str:
    """``(x, y, text, size)`` or ``(x, y, text, size, "red")``: y is the baseline."""
    x, y, text, size = obj[:4]
    width = size * len(text) + 2
    delta = f' DeltaX="g {len(text) - 1} {size}"' if deltas and len(text) > 1 else ""
    fill = '<ofd:FillColor Value="230 0 18"/>' if obj[4:] == ("red",) else ""
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y - size} {width} {size * 1.4}" Font="1" Size="{size}">'
            f'{fill}<ofd:TextCode X="0" Y="{size}"{delta}>{_esc(text)}</ofd:TextCode></ofd:TextObject>')


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
