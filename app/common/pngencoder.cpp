#include "pngencoder.h"

#include <png.h>

#include <csetjmp>

namespace moescope {

namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t size)
{
    static_cast<QByteArray *>(png_get_io_ptr(png))
        ->append(reinterpret_cast<const char *>(data), qsizetype(size));
}

void noFlush(png_structp) {}

// libpng reports errors by longjmp; this runs with no C++ object on the stack
// between setjmp and the calls that may jump.
bool encodeRows(const QImage &rows, bool alpha, QByteArray *out)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return false;
    }
    png_set_write_fn(png, out, appendBytes, noFlush);
    png_set_IHDR(png, info, png_uint_32(rows.width()), png_uint_32(rows.height()), 8,
                 alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 1);
    png_write_info(png, info);
    for (int y = 0; y < rows.height(); ++y)
        png_write_row(png, rows.constScanLine(y));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

bool encodePng(const QImage &image, QByteArray *out)
{
    if (image.isNull())
        return false;
    if (!image.hasAlphaChannel())
        return encodeRows(image.convertToFormat(QImage::Format_RGB888), false, out);
    // A picture drawn on an ARGB canvas is often opaque all over: then RGB.
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    for (int y = 0; y < rgba.height(); ++y) {
        const uchar *row = rgba.constScanLine(y);
        for (int x = 0; x < rgba.width(); ++x)
            if (row[4 * x + 3] != 255)
                return encodeRows(rgba, true, out);
    }
    return encodeRows(rgba.convertToFormat(QImage::Format_RGB888), false, out);
}

} // namespace moescope
