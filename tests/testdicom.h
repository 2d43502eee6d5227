#pragma once
// Small CT slices written with DCMTK, deterministically, for the series tests (tst_image,
// tst_cli, tst_ctviews): every attribute a series loader reads, pixel values a test can predict.

#include <QFile>
#include <QString>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <vector>

namespace moescope::testing {

struct CtSlice
{
    QString seriesUid = QStringLiteral("1.2.826.0.1.3680043.10.543.1");
    int seriesNumber = 1;
    QString description = QStringLiteral("Axial 2.5 mm");
    int instance = 1;
    double z = 0; // ImagePositionPatient z (axial slices: normal (0, 0, 1))
    int rows = 8, columns = 6;
    double slope = 1, intercept = -1024;
    double pixelSpacing = 0.5;
};

// The stored value of pixel (x, y) of a slice: distinct per slice and pixel.
inline int ctStoredValue(const CtSlice &s, int x, int y)
{
    return 1000 + 100 * s.instance + 10 * y + x;
}

// The Hounsfield unit a loader must give for that pixel.
inline float ctHu(const CtSlice &s, int x, int y)
{
    return float(ctStoredValue(s, x, y) * s.slope + s.intercept);
}

inline bool writeCtSlice(const QString &path, const CtSlice &s)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    const QByteArray series = s.seriesUid.toLatin1();
    const QByteArray sop = series + ".7." + QByteArray::number(s.instance) + "." +
                           QByteArray::number(qint64(s.z * 1000));
    const QByteArray position = QByteArray("-100\\-120\\") + QByteArray::number(s.z, 'g', 10);
    const QByteArray spacing =
        QByteArray::number(s.pixelSpacing) + "\\" + QByteArray::number(s.pixelSpacing);
    bool ok =
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage).good() &&
        ds->putAndInsertString(DCM_SOPInstanceUID, sop.constData()).good() &&
        ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.10.543").good() &&
        ds->putAndInsertString(DCM_SeriesInstanceUID, series.constData()).good() &&
        ds->putAndInsertString(DCM_Modality, "CT").good() &&
        ds->putAndInsertString(DCM_SeriesDescription, s.description.toUtf8().constData()).good() &&
        ds->putAndInsertString(DCM_SeriesNumber, QByteArray::number(s.seriesNumber)).good() &&
        ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(s.instance)).good() &&
        ds->putAndInsertString(DCM_ImagePositionPatient, position.constData()).good() &&
        ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0").good() &&
        ds->putAndInsertString(DCM_PixelSpacing, spacing.constData()).good() &&
        ds->putAndInsertString(DCM_SliceThickness, "2.5").good() &&
        ds->putAndInsertString(DCM_RescaleSlope, QByteArray::number(s.slope)).good() &&
        ds->putAndInsertString(DCM_RescaleIntercept, QByteArray::number(s.intercept)).good() &&
        ds->putAndInsertString(DCM_RescaleType, "HU").good() &&
        ds->putAndInsertString(DCM_WindowCenter, "40").good() &&
        ds->putAndInsertString(DCM_WindowWidth, "400").good() &&
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1).good() &&
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2").good() &&
        ds->putAndInsertUint16(DCM_Rows, Uint16(s.rows)).good() &&
        ds->putAndInsertUint16(DCM_Columns, Uint16(s.columns)).good() &&
        ds->putAndInsertUint16(DCM_BitsAllocated, 16).good() &&
        ds->putAndInsertUint16(DCM_BitsStored, 16).good() &&
        ds->putAndInsertUint16(DCM_HighBit, 15).good() &&
        ds->putAndInsertUint16(DCM_PixelRepresentation, 1).good();
    if (!ok)
        return false;
    std::vector<Uint16> pixels(size_t(s.rows) * size_t(s.columns));
    for (int y = 0; y < s.rows; ++y)
        for (int x = 0; x < s.columns; ++x)
            pixels[size_t(y) * size_t(s.columns) + size_t(x)] =
                Uint16(Sint16(ctStoredValue(s, x, y)));
    if (ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size()).bad())
        return false;
    return file.saveFile(OFFilename(QFile::encodeName(path).constData()), EXS_LittleEndianExplicit)
        .good();
}

} // namespace moescope::testing
