#!/usr/bin/env python3
"""Small SAR test products, in every format the SAR plugin reads through GDAL.

usage: make_sar_products.py OUTDIR [--big]

Deterministic (fixed numpy seeds, no timestamps written). Needs Debian's
python3-gdal (GDAL 3.6.2) and python3-numpy. Every product is re-opened with
GDAL at the end and checked (driver, size, band count, data type,
georeferencing, a few pixel values); the script exits non-zero with a message
naming the product when one check fails, and prints one line per product.

The scene: W = 256 columns, H = 192 lines. sigma0 linear intensity

    I(x, y) = 10 ** ((-20 + 20 * x / 255) / 10)

a ramp from -20 dB (x = 0, I = 0.01) to 0 dB (x = 255, I = 1), equal on every
line. Products carry this noise-free ramp (so a reader can check exact values)
unless said otherwise. A(x) = sqrt(I(x)) is the amplitude (0.1 .. 1).

Georeferencing "UTM": EPSG:32633, geotransform (400000, 10, 0, 6000000, 0, -10).
Georeferencing "GCP": 3 x 3 GCPs in EPSG:4326 at pixel x in {0, 128, 256},
line y in {0, 96, 192}: lon = 15 + 0.00015 x, lat = 54 - 0.00009 y.

Products (directly in OUTDIR; the names are the contract with the C++ tests):

  ramp-float32.tif   GTiff Float32 I, 1 band "Sigma0_VV", UTM. The reference.
  ramp-uint16.tif    GTiff UInt16 amplitude DN = round(A * 1000), "Amplitude_VV", UTM.
  ramp-uint8.tif     GTiff Byte DN = round(A * 255), NO georeferencing at all
                     ("no georeferencing: go on, pixels only").
  ramp-int32.tif     GTiff Int32 DN = round(A * 10000), UTM.
  ramp-cint16.tif    GTiff CInt16 SLC-like z = round(A * 1000 * exp(i phi)) (real and
                     imaginary parts rounded separately), GCP georeferencing only.
  ramp-cfloat32.tif  GTiff CFloat32 z = A * exp(i phi), GCP georeferencing only.
                     phi: uniform in [-pi, pi), numpy default_rng(1001), shape (H, W),
                     the same phi in both complex products.
  ramp-cog.tif       Cloud-optimised GeoTIFF: written by the COG driver (gdal.Translate
                     from ramp-float32.tif, 128 x 128 tiles, DEFLATE, 2 overviews
                     128x96 and 64x48). Re-opens with driver GTiff, metadata
                     IMAGE_STRUCTURE LAYOUT=COG.
  ramp-envi.img/.hdr ENVI Float32 I, band name "Sigma0_VV", map info = UTM 33N.
  dual-pol.tif       GTiff Float32 2 bands "Sigma0_VV" = I and "Sigma0_VH" = 0.1 I, UTM.
  optical-rgbn.tif   GTiff 4 x Byte, PHOTOMETRIC=RGB + 1 unspecified extra sample;
                     bands "Red" = x, "Green" = round(y * 255 / 191), "Blue" = 128,
                     "NIR" = 255 - x; UTM. For "an optical 4-band image given to the
                     SAR model: warn, go on".
  speckled-float32.tif  GTiff Float32 I * s, s ~ Gamma(shape 1, scale 1) (1-look
                     speckle, mean 1), numpy default_rng(1002), shape (H, W); UTM.
  truncated.tif      the first half of the bytes of ramp-float32.tif: the header
                     (IFD) is intact, so GDAL opens it as 256 x 192 Float32, but
                     reading the lower lines fails ("a truncated TIFF").
  not-a-product.tif  a text file with a .tif name (GDAL: not recognised).
  S1A_IW_GRDH_1SDV_20240101T000000_20240101T000010_000001_000001_ABCD.SAFE/
                     minimal Sentinel-1 IW GRD product, VV + VH, driver SAFE (see below).
  RS2_OK_TEST/       minimal RADARSAT-2 SGF product, HH, driver RS2 (see below).
  big-30000.tif      only with --big: GTiff UInt16 30000 x 30000, 512 x 512 tiles,
                     DEFLATE, SPARSE_OK, UTM. Only the blocks with bx % 4 == 0 and
                     by % 4 == 0 (225 of 59 x 59) are written, each with the constant
                     1 + bx + 64 by (bx = x // 512, by = y // 512); every other block
                     is absent from the file (offset 0) and reads as 0.

Calibrated subdatasets, as GDAL 3.6.2 (Debian 12) does them, for the C++ side
(<dir> below is the path exactly as it was given to GDAL, relative or absolute):

SENTINEL-1 SAFE (driver SAFE; product type GRD, IW, VV + VH, UInt16 measurement):
  measurement DN = round(A * 500) (VV), round(sqrt(0.1 I) * 500) (VH);
  calibration LUTs constant over 3 vectors (lines 0, 96, 191) x 5 pixels:
  sigmaNought = 500, betaNought = 400, gamma = 450, dn = 500; noise LUT 0.
  Annotation geolocation grid 3 x 3 (lines 0, 96, 191; pixels 0, 128, 255; the
  lon/lat formula above) -> 9 GCPs, WGS 84.
  Opening the .SAFE folder or its manifest.safe: 2 UInt16 bands, the raw DN
  (band 1 POLARIZATION=VV, band 2 VH, band metadata SWATH=IW) and exactly
    SUBDATASET_1_NAME=SENTINEL1_CALIB:UNCALIB:<dir>/manifest.safe:IW_VH:AMPLITUDE
    SUBDATASET_2_NAME=SENTINEL1_CALIB:UNCALIB:<dir>/manifest.safe:IW_VV:AMPLITUDE
    SUBDATASET_3_NAME=SENTINEL1_CALIB:UNCALIB:<dir>/manifest.safe:IW:AMPLITUDE   (VH+VV as bands)
  (each UNCALIB one = the same UInt16 DN). GDAL 3.6.2 has NO calibrated access
  to a GRD: no SIGMA0/BETA0/GAMMA subdataset is listed, and typing one, with
  any unit (SENTINEL1_CALIB:SIGMA0:<dir>/manifest.safe:IW_VV:AMPLITUDE,
  :COMPLEX or :INTENSITY) fails with "Measurement bands not found". The reader
  must calibrate itself from annotation/calibration/calibration-*.xml:
  sigma0 = DN^2 / sigmaNought^2 (LUT interpolated over line and pixel), LINEAR
  INTENSITY. Here sigma0 = DN^2 / 500^2 = I within the DN rounding: x = 0:
  DN 50 -> 0.01 (-20 dB); x = 255: DN 500 -> 1.0 (0 dB).
  (Checked by hand, not generated here: for an SLC (CInt16) product, 3.6.2 does
  list SENTINEL1_CALIB:{SIGMA0,BETA0,GAMMA}:<dir>/manifest.safe:IW_VV:INTENSITY
  plus UNCALIB ...:COMPLEX and UNCALIB ...:INTENSITY, but the SIGMA0, BETA0 and
  GAMMA ones return |DN|^2 = I^2 + Q^2 UNCALIBRATED, identical to UNCALIB
  INTENSITY: the LUT is ignored. So a Sentinel-1 "SIGMA0" from GDAL 3.6.2 is
  never sigma0.)

RADARSAT-2 (driver RS2; product type SGF, "Magnitude Detected", 16 bit, HH):
  imagery_HH.tif UInt16 DN = round(A * 500), stripped (not tiled: the driver
  indexes the LUT gains by the column within a block); lutSigma.xml,
  lutBeta.xml, lutGamma.xml: offset 0 and 256 constant gains, sigma 250000,
  beta 160000, gamma 202500. 3 x 3 imageTiePoint GCPs (the driver adds 0.5 to
  pixel and line; GCP CRS: geographic, unnamed datum on the "WGS 1984"
  ellipsoid, no EPSG code). Opening the folder or product.xml: 1 UInt16 band
  (the DN, band metadata POLARIMETRIC_INTERP=HH) and
    SUBDATASET_1_NAME=RADARSAT_2_CALIB:UNCALIB:<dir>/product.xml  "Uncalibrated digital numbers"
    SUBDATASET_2_NAME=RADARSAT_2_CALIB:SIGMA0:<dir>/product.xml   "Sigma Nought calibrated"
    SUBDATASET_3_NAME=RADARSAT_2_CALIB:BETA0:<dir>/product.xml    "Beta Nought calibrated"
    SUBDATASET_4_NAME=RADARSAT_2_CALIB:GAMMA:<dir>/product.xml    "Gamma calibrated"
  (GetMetadata("SUBDATASETS") lists them in the order 3, 2, 4, 1.) SIGMA0 gives
  1 Float32 band = (DN^2 + offset) / gain, i.e. sigma0 LINEAR INTENSITY (the
  RS2 gain "A" divides the squared DN): x = 0: DN 50 -> 2500 / 250000 = 0.01;
  x = 255: DN 500 -> 1.0; equal to I within the DN rounding (< 2.1 %). BETA0 =
  DN^2 / 160000 = 1.5625 I, GAMMA = DN^2 / 202500.
"""
import os
import sys
import time

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")  # no .aux.xml next to the products

W, H = 256, 192
GT = (400000.0, 10.0, 0.0, 6000000.0, 0.0, -10.0)
SAFE_NAME = "S1A_IW_GRDH_1SDV_20240101T000000_20240101T000010_000001_000001_ABCD.SAFE"
S1_STEM = "s1a-iw-grd-{pol}-20240101t000000-20240101t000010-000001-000001-{num}"
RS2_NAME = "RS2_OK_TEST"
BIG = "big-30000.tif"
BIG_SIZE, BIG_BLOCK = 30000, 512
GDAL36 = gdal.VersionInfo("VERSION_NUM")[:3] == "306"  # the SAFE/RS2 behaviour below was read on 3.6.2


class CheckFailed(Exception):
    pass


def require(cond, product, what):
    if not cond:
        raise CheckFailed(f"{product}: {what}")


def intensity():
    x = np.arange(W, dtype=np.float64)
    row = 10.0 ** ((-20.0 + 20.0 * x / 255.0) / 10.0)
    return np.tile(row, (H, 1))


def utm():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    return srs


def wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    return srs


def gcp_lonlat(px, ln):
    return 15.0 + 0.00015 * px, 54.0 - 0.00009 * ln


def gcps():
    out = []
    for ln in (0, 96, 192):
        for px in (0, 128, 256):
            lon, lat = gcp_lonlat(px, ln)
            out.append(gdal.GCP(lon, lat, 0.0, float(px), float(ln), "", f"{px},{ln}"))
    return out


def write(path, arrays, gdal_type, georef="utm", descriptions=(), options=()):
    """arrays: list of 2-D arrays, one per band. Built in MEM then CreateCopy'd,
    so the GTiff IFD (with the GDAL_METADATA band descriptions) comes before
    the pixel data."""
    mem = gdal.GetDriverByName("MEM").Create("", W, H, len(arrays), gdal_type)
    if georef == "utm":
        mem.SetGeoTransform(GT)
        mem.SetSpatialRef(utm())
    elif georef == "gcp":
        mem.SetGCPs(gcps(), wgs84().ExportToWkt())
    for i, a in enumerate(arrays):
        band = mem.GetRasterBand(i + 1)
        band.WriteArray(a)
        if i < len(descriptions):
            band.SetDescription(descriptions[i])
    driver = "ENVI" if path.endswith(".img") else "GTiff"
    gdal.GetDriverByName(driver).CreateCopy(path, mem, options=list(options))
    mem = None
    if driver == "ENVI":
        # GDAL writes "description = {<absolute path>}": keep the header the
        # same whatever OUTDIR is
        hdr = os.path.splitext(path)[0] + ".hdr"
        with open(hdr, encoding="ascii") as f:
            text = f.read()
        start = text.index("description = {")
        end = text.index("}", start)
        text = text[:start] + "description = {\nMoEScope SAR test ramp, sigma0 linear intensity}" + text[end + 1:]
        with open(hdr, "w", encoding="ascii", newline="\n") as f:
            f.write(text)


def tiff_tags(path, wanted):
    """The values of a few short-typed tags of the first IFD of a classic TIFF."""
    import struct
    with open(path, "rb") as f:
        data = f.read()
    end = {b"II": "<", b"MM": ">"}[data[:2]]
    (ifd,) = struct.unpack(end + "I", data[4:8])
    (n,) = struct.unpack(end + "H", data[ifd:ifd + 2])
    out = {}
    for i in range(n):
        tag, typ, count, value = struct.unpack(end + "HHI4s", data[ifd + 2 + 12 * i:ifd + 14 + 12 * i])
        if tag in wanted and typ == 3:  # SHORT
            raw = value if count <= 2 else data[struct.unpack(end + "I", value)[0]:][:2 * count]
            out[tag] = struct.unpack(end + "%dH" % count, raw[:2 * count])
    return out


# ---------------------------------------------------------------- Sentinel-1


def s1_time(line):
    """azimuth time of a line: 10 s over the 192 lines."""
    us = int(round(line * 10_000_000 / (H - 1)))
    return f"2024-01-01T00:00:{us // 1_000_000:02d}.{us % 1_000_000:06d}"


def s1_annotation(pol, num):
    points = []
    for ln in (0, 96, H - 1):
        for px in (0, 128, W - 1):
            lon, lat = gcp_lonlat(px, ln)
            points.append(f"""      <geolocationGridPoint>
        <azimuthTime>{s1_time(ln)}</azimuthTime>
        <slantRangeTime>5.3e-03</slantRangeTime>
        <line>{ln}</line>
        <pixel>{px}</pixel>
        <latitude>{lat:.6f}</latitude>
        <longitude>{lon:.6f}</longitude>
        <height>0.0</height>
        <incidenceAngle>{30.0 + 15.0 * px / (W - 1):.3f}</incidenceAngle>
        <elevationAngle>{26.0 + 13.0 * px / (W - 1):.3f}</elevationAngle>
      </geolocationGridPoint>""")
    points = "\n".join(points)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<product>
  <adsHeader>
    <missionId>S1A</missionId>
    <productType>GRD</productType>
    <polarisation>{pol.upper()}</polarisation>
    <mode>IW</mode>
    <swath>IW</swath>
    <startTime>{s1_time(0)}</startTime>
    <stopTime>{s1_time(H - 1)}</stopTime>
    <absoluteOrbitNumber>1</absoluteOrbitNumber>
    <missionDataTakeId>1</missionDataTakeId>
    <imageNumber>{num}</imageNumber>
  </adsHeader>
  <generalAnnotation>
    <productInformation>
      <pass>Ascending</pass>
      <timelinessCategory>Fast-24h</timelinessCategory>
      <platformHeading>-12.0</platformHeading>
      <projection>Ground Range</projection>
      <rangeSamplingRate>6.4345241e+07</rangeSamplingRate>
      <radarFrequency>5.405000454334350e+09</radarFrequency>
      <azimuthSteeringRate>1.590368784</azimuthSteeringRate>
    </productInformation>
  </generalAnnotation>
  <imageAnnotation>
    <imageInformation>
      <productFirstLineUtcTime>{s1_time(0)}</productFirstLineUtcTime>
      <productLastLineUtcTime>{s1_time(H - 1)}</productLastLineUtcTime>
      <ascendingNodeTime>2023-12-31T23:50:00.000000</ascendingNodeTime>
      <productComposition>Individual</productComposition>
      <sliceNumber>0</sliceNumber>
      <rangePixelSpacing>1.000000e+01</rangePixelSpacing>
      <azimuthPixelSpacing>1.000000e+01</azimuthPixelSpacing>
      <azimuthTimeInterval>{10.0 / (H - 1):.9e}</azimuthTimeInterval>
      <azimuthFrequency>{(H - 1) / 10.0:.6e}</azimuthFrequency>
      <numberOfSamples>{W}</numberOfSamples>
      <numberOfLines>{H}</numberOfLines>
      <zeroDopplerMinusBiasedZeroDopplerTime>0.0</zeroDopplerMinusBiasedZeroDopplerTime>
      <incidenceAngleMidSwath>3.75e+01</incidenceAngleMidSwath>
      <outputPixels>16 bit Unsigned Integer</outputPixels>
    </imageInformation>
    <processingInformation>
      <ellipsoidName>WGS84</ellipsoidName>
      <ellipsoidSemiMajorAxis>6.378137e+06</ellipsoidSemiMajorAxis>
      <ellipsoidSemiMinorAxis>6.356752314245179e+06</ellipsoidSemiMinorAxis>
    </processingInformation>
  </imageAnnotation>
  <geolocationGrid>
    <geolocationGridPointList count="{3 * 3}">
{points}
    </geolocationGridPointList>
  </geolocationGrid>
</product>
"""


S1_LUT = {"sigmaNought": 500.0, "betaNought": 400.0, "gamma": 450.0, "dn": 500.0}
S1_LUT_PIXELS = (0, 64, 128, 192, W - 1)
S1_LUT_LINES = (0, 96, H - 1)


def s1_calibration(pol, num):
    n = len(S1_LUT_PIXELS)
    pixels = " ".join(str(p) for p in S1_LUT_PIXELS)
    vectors = []
    for ln in S1_LUT_LINES:
        luts = "\n".join(
            f'        <{k} count="{n}">{" ".join(f"{v:.6e}" for _ in range(n))}</{k}>' for k, v in S1_LUT.items())
        vectors.append(f"""      <calibrationVector>
        <azimuthTime>{s1_time(ln)}</azimuthTime>
        <line>{ln}</line>
        <pixel count="{n}">{pixels}</pixel>
{luts}
      </calibrationVector>""")
    vectors = "\n".join(vectors)
    # GDAL 3.6's LUT reader walks <calibration>'s children and needs
    # <calibrationVectorList> to be the last one.
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<calibration>
  <adsHeader>
    <missionId>S1A</missionId>
    <productType>GRD</productType>
    <polarisation>{pol.upper()}</polarisation>
    <mode>IW</mode>
    <swath>IW</swath>
    <startTime>{s1_time(0)}</startTime>
    <stopTime>{s1_time(H - 1)}</stopTime>
    <absoluteOrbitNumber>1</absoluteOrbitNumber>
    <missionDataTakeId>1</missionDataTakeId>
    <imageNumber>{num}</imageNumber>
  </adsHeader>
  <calibrationInformation>
    <absoluteCalibrationConstant>1.0</absoluteCalibrationConstant>
  </calibrationInformation>
  <calibrationVectorList count="{len(S1_LUT_LINES)}">
{vectors}
  </calibrationVectorList>
</calibration>
"""


def s1_noise(pol, num):
    n = len(S1_LUT_PIXELS)
    pixels = " ".join(str(p) for p in S1_LUT_PIXELS)
    vectors = "\n".join(f"""      <noiseRangeVector>
        <azimuthTime>{s1_time(ln)}</azimuthTime>
        <line>{ln}</line>
        <pixel count="{n}">{pixels}</pixel>
        <noiseRangeLut count="{n}">{" ".join("0.000000e+00" for _ in range(n))}</noiseRangeLut>
      </noiseRangeVector>""" for ln in S1_LUT_LINES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<noise>
  <adsHeader>
    <missionId>S1A</missionId>
    <productType>GRD</productType>
    <polarisation>{pol.upper()}</polarisation>
    <mode>IW</mode>
    <swath>IW</swath>
    <startTime>{s1_time(0)}</startTime>
    <stopTime>{s1_time(H - 1)}</stopTime>
    <absoluteOrbitNumber>1</absoluteOrbitNumber>
    <missionDataTakeId>1</missionDataTakeId>
    <imageNumber>{num}</imageNumber>
  </adsHeader>
  <noiseRangeVectorList count="{len(S1_LUT_LINES)}">
{vectors}
  </noiseRangeVectorList>
</noise>
"""


def s1_manifest(pols):
    units, mdos, dos = [], [], []
    for pol, num in pols:
        stem = S1_STEM.format(pol=pol, num=num)
        oid = stem.replace("-", "")
        units.append(f"""      <xfdu:contentUnit unitType="Measurement Data Unit" repID="s1Level1MeasurementSchema" dmdID="product{oid} calibration{oid} noise{oid}">
        <dataObjectPointer dataObjectID="{oid}"/>
      </xfdu:contentUnit>""")
        for kind, schema in (("product", "s1Level1ProductSchema"), ("calibration", "s1Level1CalibrationSchema"),
                             ("noise", "s1Level1NoiseSchema")):
            mdos.append(f"""    <metadataObject ID="{kind}{oid}" classification="DESCRIPTION" category="DMD">
      <dataObjectPointer dataObjectID="{kind}{oid}"/>
    </metadataObject>""")
        files = (("product", "s1Level1ProductSchema", f"annotation/{stem}.xml", "text/xml"),
                 ("calibration", "s1Level1CalibrationSchema", f"annotation/calibration/calibration-{stem}.xml",
                  "text/xml"),
                 ("noise", "s1Level1NoiseSchema", f"annotation/calibration/noise-{stem}.xml", "text/xml"),
                 ("", "s1Level1MeasurementSchema", f"measurement/{stem}.tiff", "application/octet-stream"))
        for kind, schema, href, mime in files:
            dos.append(f"""    <dataObject ID="{kind}{oid}" repID="{schema}">
      <byteStream mimeType="{mime}">
        <fileLocation locatorType="URL" href="./{href}"/>
      </byteStream>
    </dataObject>""")
    units, mdos, dos = "\n".join(units), "\n".join(mdos), "\n".join(dos)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xfdu:XFDU xmlns:xfdu="urn:ccsds:schema:xfdu:1" xmlns:safe="http://www.esa.int/safe/sentinel-1.0" xmlns:s1="http://www.esa.int/safe/sentinel-1.0/sentinel-1" xmlns:s1sarl1="http://www.esa.int/safe/sentinel-1.0/sentinel-1/sar/level-1" xmlns:gml="http://www.opengis.net/gml" version="esa/safe/sentinel-1.0/sentinel-1/sar/level-1/standard/iwgrdh">
  <informationPackageMap>
    <xfdu:contentUnit unitType="SAFE Archive Information Package" textInfo="Sentinel-1 IW Level-1 GRD Product (MoEScope test)" dmdID="acquisitionPeriod platform generalProductInformation measurementOrbitReference" pdiID="processing">
{units}
    </xfdu:contentUnit>
  </informationPackageMap>
  <metadataSection>
    <metadataObject ID="processing" classification="PROVENANCE" category="PDI">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Processing">
        <xmlData>
          <safe:processing name="SLC Processing" start="2024-01-01T00:10:00.000000" stop="2024-01-01T00:11:00.000000">
            <safe:facility country="Test" name="MoEScope test generator" organisation="MoEScope" site="tests/data"/>
          </safe:processing>
        </xmlData>
      </metadataWrap>
    </metadataObject>
    <metadataObject ID="platform" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Platform Description">
        <xmlData>
          <safe:platform>
            <safe:nssdcIdentifier>2014-016A</safe:nssdcIdentifier>
            <safe:familyName>SENTINEL-1</safe:familyName>
            <safe:number>A</safe:number>
            <safe:instrument>
              <safe:familyName abbreviation="SAR">Synthetic Aperture Radar</safe:familyName>
              <safe:extension>
                <s1sarl1:instrumentMode>
                  <s1sarl1:mode>IW</s1sarl1:mode>
                  <s1sarl1:swath>IW1</s1sarl1:swath>
                  <s1sarl1:swath>IW2</s1sarl1:swath>
                  <s1sarl1:swath>IW3</s1sarl1:swath>
                </s1sarl1:instrumentMode>
              </safe:extension>
            </safe:instrument>
          </safe:platform>
        </xmlData>
      </metadataWrap>
    </metadataObject>
    <metadataObject ID="acquisitionPeriod" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Acquisition Period">
        <xmlData>
          <safe:acquisitionPeriod>
            <safe:startTime>{s1_time(0)}</safe:startTime>
            <safe:stopTime>{s1_time(H - 1)}</safe:stopTime>
          </safe:acquisitionPeriod>
        </xmlData>
      </metadataWrap>
    </metadataObject>
    <metadataObject ID="measurementOrbitReference" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Orbit Reference">
        <xmlData>
          <safe:orbitReference>
            <safe:orbitNumber type="start">1</safe:orbitNumber>
            <safe:orbitNumber type="stop">1</safe:orbitNumber>
            <safe:relativeOrbitNumber type="start">1</safe:relativeOrbitNumber>
            <safe:relativeOrbitNumber type="stop">1</safe:relativeOrbitNumber>
            <safe:cycleNumber>1</safe:cycleNumber>
            <safe:phaseIdentifier>1</safe:phaseIdentifier>
            <safe:extension>
              <s1:orbitProperties>
                <s1:pass>ASCENDING</s1:pass>
              </s1:orbitProperties>
            </safe:extension>
          </safe:orbitReference>
        </xmlData>
      </metadataWrap>
    </metadataObject>
{mdos}
  </metadataSection>
  <dataObjectSection>
{dos}
  </dataObjectSection>
</xfdu:XFDU>
"""


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def make_safe(out, I):
    root = os.path.join(out, SAFE_NAME)
    pols = (("vv", "001", I), ("vh", "002", 0.1 * I))
    for pol, num, inten in pols:
        stem = S1_STEM.format(pol=pol, num=num)
        write_text(os.path.join(root, "annotation", stem + ".xml"), s1_annotation(pol, num))
        write_text(os.path.join(root, "annotation", "calibration", f"calibration-{stem}.xml"),
                   s1_calibration(pol, num))
        write_text(os.path.join(root, "annotation", "calibration", f"noise-{stem}.xml"), s1_noise(pol, num))
        os.makedirs(os.path.join(root, "measurement"), exist_ok=True)
        dn = np.round(np.sqrt(inten) * S1_LUT["dn"]).astype(np.uint16)
        write(os.path.join(root, "measurement", stem + ".tiff"), [dn], gdal.GDT_UInt16, georef="none")
    write_text(os.path.join(root, "manifest.safe"), s1_manifest([(p, n) for p, n, _ in pols]))
    return root


# ---------------------------------------------------------------- RADARSAT-2

RS2_GAINS = {"Sigma": 250000.0, "Beta": 160000.0, "Gamma": 202500.0}


def rs2_lut(gain):
    gains = " ".join(f"{gain:.6e}" for _ in range(W))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<lut xmlns="http://www.rsi.ca/rs2/prod/xml/schemas">
  <offset>0.000000e+00</offset>
  <gains>{gains}</gains>
</lut>
"""


def rs2_product():
    ties = []
    for ln in (0, 96, H - 1):
        for px in (0, 128, W - 1):
            lon, lat = gcp_lonlat(px + 0.5, ln + 0.5)
            ties.append(f"""        <imageTiePoint>
          <imageCoordinate>
            <line>{ln:.1f}</line>
            <pixel>{px:.1f}</pixel>
          </imageCoordinate>
          <geodeticCoordinate>
            <latitude units="deg">{lat:.8f}</latitude>
            <longitude units="deg">{lon:.8f}</longitude>
            <height units="m">0.0</height>
          </geodeticCoordinate>
        </imageTiePoint>""")
    ties = "\n".join(ties)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<product xmlns="http://www.rsi.ca/rs2/prod/xml/schemas" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.rsi.ca/rs2/prod/xml/schemas schemas/rs2prod_product.xsd">
  <productId>PDS_0000001</productId>
  <documentIdentifier>RN-SP-52-1238</documentIdentifier>
  <sourceAttributes>
    <satellite>RADARSAT-2</satellite>
    <sensor>SAR</sensor>
    <inputDatasetFacilityId>MoEScope test generator</inputDatasetFacilityId>
    <beamModeMnemonic>S3</beamModeMnemonic>
    <rawDataStartTime>2024-01-01T00:00:00.000000Z</rawDataStartTime>
    <radarParameters>
      <acquisitionType>Standard</acquisitionType>
      <beams>S3</beams>
      <polarizations>HH</polarizations>
      <radarCenterFrequency units="Hz">5.40500000e+09</radarCenterFrequency>
    </radarParameters>
    <orbitAndAttitude>
      <orbitInformation>
        <passDirection>Ascending</passDirection>
        <orbitDataSource>Downlinked</orbitDataSource>
        <orbitDataFile>none</orbitDataFile>
      </orbitInformation>
    </orbitAndAttitude>
  </sourceAttributes>
  <imageGenerationParameters>
    <generalProcessingInformation>
      <productType>SGF</productType>
      <processingFacility>MoEScope</processingFacility>
      <processingTime>2024-01-01T01:00:00.000000Z</processingTime>
    </generalProcessingInformation>
    <sarProcessingInformation>
      <numberOfAzimuthLooks>1</numberOfAzimuthLooks>
      <numberOfRangeLooks>1</numberOfRangeLooks>
      <incidenceAngleNearRange units="deg">3.0e+01</incidenceAngleNearRange>
      <incidenceAngleFarRange units="deg">4.5e+01</incidenceAngleFarRange>
      <slantRangeNearEdge units="m">9.0e+05</slantRangeNearEdge>
      <zeroDopplerTimeFirstLine>2024-01-01T00:00:00.000000Z</zeroDopplerTimeFirstLine>
      <zeroDopplerTimeLastLine>2024-01-01T00:00:10.000000Z</zeroDopplerTimeLastLine>
    </sarProcessingInformation>
  </imageGenerationParameters>
  <imageAttributes>
    <productFormat>GeoTIFF</productFormat>
    <outputMediaInterleaving>BSQ</outputMediaInterleaving>
    <rasterAttributes>
      <dataType>Magnitude Detected</dataType>
      <bitsPerSample dataStream="Magnitude">16</bitsPerSample>
      <numberOfSamplesPerLine>{W}</numberOfSamplesPerLine>
      <numberOfLines>{H}</numberOfLines>
      <sampledPixelSpacing units="m">1.0e+01</sampledPixelSpacing>
      <sampledLineSpacing units="m">1.0e+01</sampledLineSpacing>
      <lineTimeOrdering>Increasing</lineTimeOrdering>
      <pixelTimeOrdering>Increasing</pixelTimeOrdering>
    </rasterAttributes>
    <geographicInformation>
      <geolocationGrid>
{ties}
      </geolocationGrid>
      <referenceEllipsoidParameters>
        <ellipsoidName>WGS 1984</ellipsoidName>
        <semiMajorAxis units="m">6378137.0</semiMajorAxis>
        <semiMinorAxis units="m">6356752.314245179</semiMinorAxis>
        <geodeticTerrainHeight units="m">0.0</geodeticTerrainHeight>
      </referenceEllipsoidParameters>
    </geographicInformation>
    <lookupTable incidenceAngleCorrection="Beta Nought">lutBeta.xml</lookupTable>
    <lookupTable incidenceAngleCorrection="Sigma Nought">lutSigma.xml</lookupTable>
    <lookupTable incidenceAngleCorrection="Gamma">lutGamma.xml</lookupTable>
    <fullResolutionImageData pole="HH">imagery_HH.tif</fullResolutionImageData>
  </imageAttributes>
</product>
"""


def make_rs2(out, I):
    root = os.path.join(out, RS2_NAME)
    os.makedirs(root, exist_ok=True)
    write_text(os.path.join(root, "product.xml"), rs2_product())
    for name, gain in RS2_GAINS.items():
        write_text(os.path.join(root, f"lut{name}.xml"), rs2_lut(gain))
    dn = np.round(np.sqrt(I) * 500.0).astype(np.uint16)
    # stripped, not tiled: GDAL's RS2 calibration indexes the gains by the
    # column within a block
    write(os.path.join(root, "imagery_HH.tif"), [dn], gdal.GDT_UInt16, georef="none")
    return root


# ---------------------------------------------------------------- big


def make_big(out):
    path = os.path.join(out, BIG)
    if os.path.exists(path):
        os.remove(path)
    ds = gdal.GetDriverByName("GTiff").Create(
        path, BIG_SIZE, BIG_SIZE, 1, gdal.GDT_UInt16,
        options=["TILED=YES", f"BLOCKXSIZE={BIG_BLOCK}", f"BLOCKYSIZE={BIG_BLOCK}", "COMPRESS=DEFLATE",
                 "SPARSE_OK=TRUE"])
    ds.SetGeoTransform(GT)
    ds.SetSpatialRef(utm())
    band = ds.GetRasterBand(1)
    nblocks = (BIG_SIZE + BIG_BLOCK - 1) // BIG_BLOCK
    for by in range(0, nblocks, 4):
        for bx in range(0, nblocks, 4):
            w = min(BIG_BLOCK, BIG_SIZE - bx * BIG_BLOCK)
            h = min(BIG_BLOCK, BIG_SIZE - by * BIG_BLOCK)
            band.WriteArray(np.full((h, w), big_value(bx, by), np.uint16), bx * BIG_BLOCK, by * BIG_BLOCK)
    ds = None
    return path


def big_value(bx, by):
    if bx % 4 == 0 and by % 4 == 0:
        return 1 + bx + 64 * by
    return 0


# ---------------------------------------------------------------- checks


def opened(path, product):
    try:
        ds = gdal.Open(path)
    except RuntimeError as e:
        raise CheckFailed(f"{product}: GDAL cannot open {path}: {e}")
    require(ds is not None, product, f"GDAL cannot open {path}")
    return ds


def check(path, product, driver, size, bands, dtype, georef, descriptions=None):
    """Re-opens path and checks it; returns (ds, summary line)."""
    ds = opened(path, product)
    got = ds.GetDriver().ShortName
    require(got == driver, product, f"driver {got}, expected {driver}")
    require((ds.RasterXSize, ds.RasterYSize) == size, product,
            f"size {ds.RasterXSize}x{ds.RasterYSize}, expected {size[0]}x{size[1]}")
    require(ds.RasterCount == bands, product, f"{ds.RasterCount} bands, expected {bands}")
    for i in range(bands):
        t = ds.GetRasterBand(i + 1).DataType
        require(t == dtype, product,
                f"band {i + 1} type {gdal.GetDataTypeName(t)}, expected {gdal.GetDataTypeName(dtype)}")
    if descriptions is not None:
        got = [ds.GetRasterBand(i + 1).GetDescription() for i in range(bands)]
        require(got == list(descriptions), product, f"band descriptions {got}, expected {list(descriptions)}")
    gt = ds.GetGeoTransform(can_return_null=True)
    srs = ds.GetSpatialRef()
    if georef == "utm":
        require(gt is not None and np.allclose(gt, GT), product, f"geotransform {gt}, expected {GT}")
        require(srs is not None and srs.IsSame(utm()), product,
                f"spatial reference {srs and srs.ExportToWkt()} is not EPSG:32633")
        require(ds.GetGCPCount() == 0, product, "unexpected GCPs")
    elif georef.startswith("gcp"):
        n = int(georef[3:] or 9)
        require(gt is None, product, f"unexpected geotransform {gt}")
        require(ds.GetGCPCount() == n, product, f"{ds.GetGCPCount()} GCPs, expected {n}")
        gsrs = ds.GetGCPSpatialRef()
        require(gsrs is not None and gsrs.IsGeographic() and abs(gsrs.GetSemiMajor() - 6378137.0) < 1e-3
                and abs(gsrs.GetInvFlattening() - 298.257223563) < 1e-6, product,
                "GCP spatial reference is not geographic WGS84")
    elif georef == "none":
        require(gt is None, product, f"unexpected geotransform {gt}")
        require(srs is None, product, "unexpected spatial reference")
        require(ds.GetGCPCount() == 0, product, "unexpected GCPs")
    line = (f"{product:<40} {driver:<6} {ds.RasterXSize}x{ds.RasterYSize} "
            f"bands={ds.RasterCount} type={gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)} georef={georef}")
    return ds, line


def read(ds, band=1):
    return ds.GetRasterBand(band).ReadAsArray()


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    big = "--big" in argv[1:]
    if len(args) != 1 or any(a not in ("--big",) for a in argv[1:] if a.startswith("--")):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out = args[0]
    os.makedirs(out, exist_ok=True)
    t0 = time.monotonic()

    I = intensity()
    A = np.sqrt(I)
    phi = np.random.default_rng(1001).uniform(-np.pi, np.pi, (H, W))
    speckle = np.random.default_rng(1002).gamma(1.0, 1.0, (H, W))
    P = lambda name: os.path.join(out, name)  # noqa: E731

    write(P("ramp-float32.tif"), [I.astype(np.float32)], gdal.GDT_Float32, descriptions=["Sigma0_VV"])
    write(P("ramp-uint16.tif"), [np.round(A * 1000)], gdal.GDT_UInt16, descriptions=["Amplitude_VV"])
    write(P("ramp-uint8.tif"), [np.round(A * 255)], gdal.GDT_Byte, georef="none")
    write(P("ramp-int32.tif"), [np.round(A * 10000)], gdal.GDT_Int32)
    z = A * np.exp(1j * phi)
    zi = np.round(z.real * 1000) + 1j * np.round(z.imag * 1000)
    write(P("ramp-cint16.tif"), [zi], gdal.GDT_CInt16, georef="gcp")
    write(P("ramp-cfloat32.tif"), [z.astype(np.complex64)], gdal.GDT_CFloat32, georef="gcp")
    gdal.Translate(P("ramp-cog.tif"), P("ramp-float32.tif"), format="COG",
                   creationOptions=["BLOCKSIZE=128", "COMPRESS=DEFLATE", "OVERVIEW_COUNT=2", "RESAMPLING=AVERAGE"])
    write(P("ramp-envi.img"), [I.astype(np.float32)], gdal.GDT_Float32, descriptions=["Sigma0_VV"])
    write(P("dual-pol.tif"), [I.astype(np.float32), (0.1 * I).astype(np.float32)], gdal.GDT_Float32,
          descriptions=["Sigma0_VV", "Sigma0_VH"])
    xs = np.tile(np.arange(W), (H, 1))
    ys = np.tile(np.arange(H)[:, None], (1, W))
    write(P("optical-rgbn.tif"), [xs, np.round(ys * 255 / (H - 1)), np.full((H, W), 128), 255 - xs], gdal.GDT_Byte,
          descriptions=["Red", "Green", "Blue", "NIR"], options=["PHOTOMETRIC=RGB", "ALPHA=NO"])
    write(P("speckled-float32.tif"), [(I * speckle).astype(np.float32)], gdal.GDT_Float32,
          descriptions=["Sigma0_VV"])
    with open(P("ramp-float32.tif"), "rb") as f:
        whole = f.read()
    with open(P("truncated.tif"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    write_text(P("not-a-product.tif"), "This is not a TIFF file, only text with a .tif name.\n")
    safe = make_safe(out, I)
    rs2 = make_rs2(out, I)
    t_small = time.monotonic() - t0

    # ------------------------------------------------------------ checks
    lines = []
    F32, U16 = gdal.GDT_Float32, gdal.GDT_UInt16
    I32 = I.astype(np.float32)

    ds, l = check(P("ramp-float32.tif"), "ramp-float32.tif", "GTiff", (W, H), 1, F32, "utm", ["Sigma0_VV"])
    require(np.array_equal(read(ds), I32), "ramp-float32.tif", "pixels differ from I(x)")
    require(abs(float(read(ds)[5, 0]) - 0.01) < 1e-7 and abs(float(read(ds)[5, 255]) - 1.0) < 1e-7,
            "ramp-float32.tif", "ramp ends are not 0.01 and 1")
    lines.append(l)
    ds, l = check(P("ramp-uint16.tif"), "ramp-uint16.tif", "GTiff", (W, H), 1, U16, "utm", ["Amplitude_VV"])
    require(np.array_equal(read(ds), np.round(A * 1000)), "ramp-uint16.tif", "pixels differ")
    require(read(ds)[0, 0] == 100 and read(ds)[0, 255] == 1000, "ramp-uint16.tif", "ramp ends are not 100, 1000")
    lines.append(l)
    ds, l = check(P("ramp-uint8.tif"), "ramp-uint8.tif", "GTiff", (W, H), 1, gdal.GDT_Byte, "none")
    require(np.array_equal(read(ds), np.round(A * 255)), "ramp-uint8.tif", "pixels differ")
    lines.append(l)
    ds, l = check(P("ramp-int32.tif"), "ramp-int32.tif", "GTiff", (W, H), 1, gdal.GDT_Int32, "utm")
    require(np.array_equal(read(ds), np.round(A * 10000)), "ramp-int32.tif", "pixels differ")
    lines.append(l)
    ds, l = check(P("ramp-cint16.tif"), "ramp-cint16.tif", "GTiff", (W, H), 1, gdal.GDT_CInt16, "gcp")
    require(np.array_equal(read(ds), zi), "ramp-cint16.tif", "pixels differ")
    g = ds.GetGCPs()[8]
    require((g.GCPPixel, g.GCPLine) == (256, 192) and abs(g.GCPX - 15.0384) < 1e-9
            and abs(g.GCPY - 53.98272) < 1e-9, "ramp-cint16.tif", f"last GCP {g}")
    lines.append(l)
    ds, l = check(P("ramp-cfloat32.tif"), "ramp-cfloat32.tif", "GTiff", (W, H), 1, gdal.GDT_CFloat32, "gcp")
    require(np.allclose(np.abs(read(ds)) ** 2, I, rtol=1e-5), "ramp-cfloat32.tif", "|z|^2 differs from I")
    lines.append(l)
    ds, l = check(P("ramp-cog.tif"), "ramp-cog.tif", "GTiff", (W, H), 1, F32, "utm", ["Sigma0_VV"])
    require(ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG", "ramp-cog.tif", "no LAYOUT=COG")
    b = ds.GetRasterBand(1)
    require(b.GetOverviewCount() == 2 and (b.GetOverview(0).XSize, b.GetOverview(0).YSize) == (128, 96),
            "ramp-cog.tif", f"{b.GetOverviewCount()} overviews, expected 2 (128x96, 64x48)")
    require(b.GetBlockSize() == [128, 128], "ramp-cog.tif", f"block size {b.GetBlockSize()}")
    require(np.array_equal(read(ds), I32), "ramp-cog.tif", "pixels differ")
    lines.append(l + " (written by COG, LAYOUT=COG, 2 overviews)")
    ds, l = check(P("ramp-envi.img"), "ramp-envi.img", "ENVI", (W, H), 1, F32, "utm", ["Sigma0_VV"])
    require(np.array_equal(read(ds), I32), "ramp-envi.img", "pixels differ")
    with open(P("ramp-envi.hdr"), encoding="ascii") as f:
        hdr = f.read()
    require("map info = {UTM, 1, 1, 400000, 6000000, 10, 10, 33, North" in hdr and "band names = {\nSigma0_VV}" in hdr
            and out not in hdr, "ramp-envi.hdr", "no map info, band name, or an OUTDIR path in it")
    lines.append(l)
    ds, l = check(P("dual-pol.tif"), "dual-pol.tif", "GTiff", (W, H), 2, F32, "utm", ["Sigma0_VV", "Sigma0_VH"])
    require(np.array_equal(read(ds, 2), (0.1 * I).astype(np.float32)), "dual-pol.tif", "VH pixels differ")
    lines.append(l)
    ds, l = check(P("optical-rgbn.tif"), "optical-rgbn.tif", "GTiff", (W, H), 4, gdal.GDT_Byte, "utm",
                  ["Red", "Green", "Blue", "NIR"])
    ci = [ds.GetRasterBand(i).GetColorInterpretation() for i in range(1, 5)]
    require(ci == [gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand, gdal.GCI_Undefined], "optical-rgbn.tif",
            f"colour interpretations {[gdal.GetColorInterpretationName(c) for c in ci]}")
    require(ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "PIXEL", "optical-rgbn.tif", "not pixel-interleaved")
    require(np.array_equal(read(ds, 4), 255 - xs), "optical-rgbn.tif", "NIR pixels differ")
    tags = tiff_tags(P("optical-rgbn.tif"), (262, 277, 338))
    require(tags == {262: (2,), 277: (4,), 338: (0,)}, "optical-rgbn.tif",
            f"TIFF tags Photometric/SamplesPerPixel/ExtraSamples {tags}, expected RGB, 4, (unspecified)")
    lines.append(l)
    ds, l = check(P("speckled-float32.tif"), "speckled-float32.tif", "GTiff", (W, H), 1, F32, "utm", ["Sigma0_VV"])
    ratio = read(ds) / I
    require(np.array_equal(read(ds), (I * speckle).astype(np.float32)) and 0.9 < ratio.mean() < 1.1
            and 0.9 < ratio.std() < 1.1, "speckled-float32.tif", "not 1-look speckle (mean 1, std 1) on I")
    lines.append(l)

    # truncated: opens (the IFD comes first), the lower half fails to read
    ds, l = check(P("truncated.tif"), "truncated.tif", "GTiff", (W, H), 1, F32, "utm", ["Sigma0_VV"])
    first_line_ok = np.array_equal(ds.GetRasterBand(1).ReadAsArray(0, 0, W, 1), I32[:1])
    try:
        ds.GetRasterBand(1).ReadAsArray(0, H - 1, W, 1)
        last_line_fails = False
    except RuntimeError:
        last_line_fails = True
    require(first_line_ok and last_line_fails, "truncated.tif",
            f"expected line 0 readable ({first_line_ok}) and line {H - 1} to fail ({last_line_fails})")
    lines.append(l + " (opens; line 0 reads, the last line fails)")
    ds = None

    try:
        gdal.Open(P("not-a-product.tif"))
        not_product_fails = False
    except RuntimeError:
        not_product_fails = True
    require(not_product_fails, "not-a-product.tif", "GDAL opened a text file")
    lines.append(f"{'not-a-product.tif':<40} (none) GDAL does not recognise it (as intended)")

    # Sentinel-1 SAFE
    name = SAFE_NAME + "/"
    ds, l = check(safe, name, "SAFE", (W, H), 2, U16, "gcp9")
    check(os.path.join(safe, "manifest.safe"), name + "manifest.safe", "SAFE", (W, H), 2, U16, "gcp9")
    pols = [ds.GetRasterBand(i).GetMetadataItem("POLARIZATION") for i in (1, 2)]
    require(sorted(pols) == ["VH", "VV"], name, f"band polarisations {pols}")
    vv = pols.index("VV") + 1
    dn_vv = np.round(A * 500)
    require(np.array_equal(read(ds, vv), dn_vv), name, "VV DN differ")
    md = os.path.join(safe, "manifest.safe")
    subs = ds.GetSubDatasets()
    expect = [f"SENTINEL1_CALIB:UNCALIB:{md}:IW_VH:AMPLITUDE", f"SENTINEL1_CALIB:UNCALIB:{md}:IW_VV:AMPLITUDE",
              f"SENTINEL1_CALIB:UNCALIB:{md}:IW:AMPLITUDE"]
    got = [s[0] for s in subs]
    require(got == expect if GDAL36 else set(expect) <= set(got), name, f"subdatasets {got}, expected {expect}")
    require(ds.GetMetadataItem("PRODUCT_TYPE") == "GRD" and ds.GetMetadataItem("MISSION_ID") == "S1A", name,
            f"metadata {ds.GetMetadata()}")
    lines.append(l)
    ds = None
    ds, l = check(f"SENTINEL1_CALIB:UNCALIB:{md}:IW_VV:AMPLITUDE", "  UNCALIB:IW_VV:AMPLITUDE", "SAFE", (W, H), 1, U16,
                  "gcp9")
    require(np.array_equal(read(ds), dn_vv), name + " UNCALIB:IW_VV:AMPLITUDE", "DN differ")
    lines.append(l)
    ds = None
    # GDAL 3.6.2 has no calibrated access to a GRD (see the docstring): the C++
    # side applies the calibration LUT itself. Checked so that a GDAL that
    # starts calibrating GRDs is noticed.
    for calib in ("SIGMA0", "BETA0", "GAMMA"):
        for unit in ("AMPLITUDE", "COMPLEX", "INTENSITY"):
            sub = f"SENTINEL1_CALIB:{calib}:{md}:IW_VV:{unit}"
            try:
                gdal.Open(sub)
                opens = True
            except RuntimeError:
                opens = False
            if GDAL36:
                require(not opens, sub, "GDAL 3.6 opened a calibrated GRD subdataset (3.6.2 does not)")
            elif opens:
                print(f"note: GDAL {gdal.__version__} opens {sub}", file=sys.stderr)

    # RADARSAT-2
    name = RS2_NAME + "/"
    ds, l = check(rs2, name, "RS2", (W, H), 1, U16, "gcp9")
    pxml = os.path.join(rs2, "product.xml")
    subs = ds.GetSubDatasets()
    expect = [(f"RADARSAT_2_CALIB:UNCALIB:{pxml}", "Uncalibrated digital numbers"),
              (f"RADARSAT_2_CALIB:SIGMA0:{pxml}", "Sigma Nought calibrated"),
              (f"RADARSAT_2_CALIB:BETA0:{pxml}", "Beta Nought calibrated"),
              (f"RADARSAT_2_CALIB:GAMMA:{pxml}", "Gamma calibrated")]
    require(sorted(subs) == sorted(expect), name, f"subdatasets {subs}, expected {expect}")
    require(ds.GetRasterBand(1).GetMetadataItem("POLARIMETRIC_INTERP") == "HH", name, "band is not HH")
    require(np.array_equal(read(ds), dn_vv), name, "DN differ")
    g = ds.GetGCPs()[0]
    require((g.GCPPixel, g.GCPLine) == (0.5, 0.5), name, f"first GCP at {g.GCPPixel}, {g.GCPLine}")
    lines.append(l)
    ds, _ = check(pxml, name + "product.xml", "RS2", (W, H), 1, U16, "gcp9")
    for calib, gain in (("SIGMA0", "Sigma"), ("BETA0", "Beta"), ("GAMMA", "Gamma")):
        sub = f"RADARSAT_2_CALIB:{calib}:{pxml}"
        ds, l = check(sub, "  RADARSAT_2_CALIB:" + calib, "RS2", (W, H), 1, F32, "gcp9")
        v = read(ds).astype(np.float64)
        require(np.allclose(v, dn_vv ** 2 / RS2_GAINS[gain], rtol=1e-6), sub, "values are not DN^2 / gain")
        if calib == "SIGMA0":
            require(np.allclose(v, I, rtol=0.021), sub, "sigma0 is not I within the DN rounding")
        lines.append(l)
    ds = None
    t_all = time.monotonic() - t0

    if big:
        t1 = time.monotonic()
        path = make_big(out)
        t_big = time.monotonic() - t1
        ds, l = check(path, BIG, "GTiff", (BIG_SIZE, BIG_SIZE), 1, U16, "utm")
        b = ds.GetRasterBand(1)
        require(b.GetBlockSize() == [BIG_BLOCK, BIG_BLOCK], BIG, f"block size {b.GetBlockSize()}")
        require(ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE", BIG, "not DEFLATE")
        for bx, by in ((0, 0), (1, 0), (4, 4), (56, 56), (58, 58), (57, 3), (4, 8)):
            x = bx * BIG_BLOCK + 7
            y = by * BIG_BLOCK + 11
            v = int(b.ReadAsArray(x, y, 1, 1)[0, 0])
            require(v == big_value(bx, by), BIG, f"pixel ({x}, {y}) = {v}, expected {big_value(bx, by)}")
            off = b.GetMetadataItem(f"BLOCK_OFFSET_{bx}_{by}", "TIFF")
            require(bool(off) == (big_value(bx, by) != 0), BIG, f"block ({bx}, {by}) offset {off!r}")
        size = os.path.getsize(path)
        require(size < 10 * 1024 * 1024, BIG, f"file is {size} bytes")
        lines.append(l + f" ({size} bytes, written in {t_big:.1f} s)")
        ds = None

    for l in lines:
        print(l)
    print(f"{len(lines)} products OK in {out} ({t_small:.2f} s to write, {t_all:.2f} s with the checks)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except CheckFailed as e:
        print(f"make_sar_products.py: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
