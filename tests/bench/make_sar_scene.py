#!/usr/bin/python3
"""A large synthetic SAR scene for the tiling benchmark (docs/performance.md).

usage: make_sar_scene.py SIZE OUT.tif

Writes a SIZE x SIZE single-band Float32 GeoTIFF of sigma0 linear intensity
(tiled 512 x 512, uncompressed, EPSG:32633, 10 m pixels, band "Sigma0_VV"),
strip by strip so memory stays small whatever SIZE: a coastline, land
parcels of different backscatter and 1-look Gamma speckle, deterministic
(numpy seed 7). Needs python3-gdal and python3-numpy.
"""
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    size, out = int(argv[1]), argv[2]
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(out, size, size, 1, gdal.GDT_Float32,
                    ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "BIGTIFF=IF_SAFER"])
    ds.SetGeoTransform((400000.0, 10.0, 0.0, 6000000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetDescription("Sigma0_VV")
    rng = np.random.default_rng(7)
    x = np.arange(size, dtype=np.float32)
    # Backscatter (dB) per 300-pixel parcel: water, bare soil, vegetation, urban.
    levels = np.array([-22.0, -14.0, -10.0, -2.0], dtype=np.float32)
    parcel_class = rng.integers(0, 4, size=(size // 300 + 2, size // 300 + 2))
    strip = 512
    for y0 in range(0, size, strip):
        h = min(strip, size - y0)
        y = np.arange(y0, y0 + h, dtype=np.float32)[:, None]
        coast = (x[None, :] + 400 * np.sin(y / 900.0)) < size * 0.3  # sea on the left
        cls = parcel_class[(y.astype(int) // 300), (x.astype(int) // 300)[None, :]]
        db = np.where(coast, levels[0], levels[cls])
        intensity = (10.0 ** (db / 10.0)) * rng.gamma(1.0, 1.0, size=(h, size))
        band.WriteArray(intensity.astype(np.float32), 0, y0)
    ds.FlushCache()
    ds = None
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
