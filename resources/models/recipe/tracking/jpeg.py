"""A small baseline JPEG writer (numpy only), for GOT-10k style sample frames
where neither PIL nor imageio is installed.

Baseline sequential DCT, 8-bit, YCbCr with 4:2:0 chroma subsampling, the
standard (ITU T.81 Annex K) quantisation tables scaled as libjpeg scales them
for a quality of 1-100, and the standard Huffman tables. JFIF header.

    write_jpeg("00000001.jpg", rgb_uint8_hxwx3, quality=85)
"""

import math
import struct

import numpy as np

_LUM_Q = np.array([
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99], dtype=np.int64)
_CHR_Q = np.array([
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99], dtype=np.int64)

_ZIGZAG = np.array([
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
    12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
    35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
    58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63], dtype=np.int64)

# Standard Huffman tables (bits counts 1..16, values).
_DC_LUM = ([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], list(range(12)))
_DC_CHR = ([0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], list(range(12)))
_AC_LUM = ([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d], [
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61,
    0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52,
    0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25,
    0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45,
    0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64,
    0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83,
    0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
    0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
    0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3,
    0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8,
    0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa])
_AC_CHR = ([0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77], [
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61,
    0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33,
    0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18,
    0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44,
    0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63,
    0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a,
    0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97,
    0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
    0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca,
    0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7,
    0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa])


def _codes(table):
    """Canonical Huffman codes: value -> (code, length)."""
    bits, vals = table
    out, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            out[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return out


def _qtable(base, quality):
    q = max(1, min(100, int(quality)))
    scale = 5000 // q if q < 50 else 200 - 2 * q
    return np.clip((base * scale + 50) // 100, 1, 255)


def _dct_matrix():
    m = np.zeros((8, 8))
    for k in range(8):
        for n in range(8):
            m[k, n] = (math.sqrt(0.125) if k == 0 else 0.5) * math.cos((2 * n + 1) * k * math.pi / 16)
    return m


_DCT = _dct_matrix()


def _blocks(channel):
    """[H, W] (multiples of 8) -> quantisable DCT blocks [nby, nbx, 8, 8]."""
    h, w = channel.shape
    b = channel.reshape(h // 8, 8, w // 8, 8).transpose(0, 2, 1, 3) - 128.0
    return _DCT @ b @ _DCT.T


class _Bits:
    def __init__(self):
        self.acc, self.n, self.out = 0, 0, bytearray()

    def put(self, code, length):
        self.acc = (self.acc << length) | code
        self.n += length
        while self.n >= 8:
            self.n -= 8
            byte = (self.acc >> self.n) & 0xFF
            self.out.append(byte)
            if byte == 0xFF:
                self.out.append(0)
        self.acc &= (1 << self.n) - 1

    def flush(self):
        if self.n:
            self.put((1 << (8 - self.n)) - 1, 8 - self.n)


def _magnitude(v):
    v = int(v)
    size = abs(v).bit_length()
    return size, (v if v >= 0 else v + (1 << size) - 1)


def _encode_block(bits, zz, pred, dc_codes, ac_codes):
    diff = int(zz[0]) - pred
    size, val = _magnitude(diff)
    bits.put(*dc_codes[size])
    if size:
        bits.put(val, size)
    nz = np.flatnonzero(zz[1:]) + 1
    last = 0
    for k in nz:
        run = k - last - 1
        while run > 15:
            bits.put(*ac_codes[0xF0])
            run -= 16
        size, val = _magnitude(zz[k])
        bits.put(*ac_codes[(run << 4) | size])
        bits.put(val, size)
        last = k
    if last != 63:
        bits.put(*ac_codes[0x00])
    return int(zz[0])


def write_jpeg(path, rgb, quality=85):
    """Writes uint8 [H, W, 3] RGB as a baseline 4:2:0 JPEG."""
    rgb = np.asarray(rgb, dtype=np.float64)
    h, w = rgb.shape[:2]
    H, W = (h + 15) // 16 * 16, (w + 15) // 16 * 16
    img = np.pad(rgb, ((0, H - h), (0, W - w), (0, 0)), mode="edge")
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128.0
    cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128.0
    cb = cb.reshape(H // 2, 2, W // 2, 2).mean(axis=(1, 3))
    cr = cr.reshape(H // 2, 2, W // 2, 2).mean(axis=(1, 3))
    ql, qc = _qtable(_LUM_Q, quality), _qtable(_CHR_Q, quality)
    # Tables are stored in zigzag order; quantise natural-order coefficients.
    qnat_l = np.empty(64, dtype=np.int64)
    qnat_c = np.empty(64, dtype=np.int64)
    qnat_l[_ZIGZAG], qnat_c[_ZIGZAG] = ql, qc
    qy = np.round(_blocks(y) / qnat_l.reshape(8, 8)).astype(np.int64)
    qcb = np.round(_blocks(cb) / qnat_c.reshape(8, 8)).astype(np.int64)
    qcr = np.round(_blocks(cr) / qnat_c.reshape(8, 8)).astype(np.int64)
    zy = qy.reshape(qy.shape[0], qy.shape[1], 64)[..., _ZIGZAG]
    zcb = qcb.reshape(qcb.shape[0], qcb.shape[1], 64)[..., _ZIGZAG]
    zcr = qcr.reshape(qcr.shape[0], qcr.shape[1], 64)[..., _ZIGZAG]

    dcl, acl, dcc, acc = _codes(_DC_LUM), _codes(_AC_LUM), _codes(_DC_CHR), _codes(_AC_CHR)
    bits = _Bits()
    py = pcb = pcr = 0
    for my in range(H // 16):
        for mx in range(W // 16):
            for dy in range(2):
                for dx in range(2):
                    py = _encode_block(bits, zy[2 * my + dy, 2 * mx + dx], py, dcl, acl)
            pcb = _encode_block(bits, zcb[my, mx], pcb, dcc, acc)
            pcr = _encode_block(bits, zcr[my, mx], pcr, dcc, acc)
    bits.flush()

    def seg(marker, payload):
        return struct.pack(">HH", marker, len(payload) + 2) + payload

    out = bytearray(b"\xff\xd8")
    out += seg(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += seg(0xFFDB, bytes([0]) + bytes(int(v) for v in ql) + bytes([1]) + bytes(int(v) for v in qc))
    out += seg(0xFFC0, struct.pack(">BHHB", 8, h, w, 3)
               + bytes([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]))
    for cls_id, table in ((0x00, _DC_LUM), (0x10, _AC_LUM), (0x01, _DC_CHR), (0x11, _AC_CHR)):
        out += seg(0xFFC4, bytes([cls_id]) + bytes(table[0]) + bytes(table[1]))
    out += seg(0xFFDA, bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]))
    out += bits.out
    out += b"\xff\xd9"
    with open(path, "wb") as f:
        f.write(out)
