// Speckle filters for single-channel SAR intensity images: Lee, Refined Lee and Frost.
//
// Lee and Frost reproduce the Orfeo ToolBox 8.1 filters behind `otbcli_Despeckle`
// (otb::LeeImageFilter, otb::FrostImageFilter) pixel for pixel, borders included. Refined Lee is
// Lee's 1981 edge-aligned filter as ESA SNAP's RefinedLee computes it (7x7 window, 3x3
// sub-window means, the strongest of four gradients, one of eight half-window masks, Lee's MMSE
// weight in that mask), except that, as in PolSARpro, the speckle variance comes from the number
// of looks instead of SNAP's local estimate, a constant mask returns its mean (SNAP returns 0),
// and the borders replicate the edge pixel like Lee and Frost (SNAP falls back to plain local
// statistics there). Neither GDAL nor ITK has these filters. Plain C++17, no Qt, no GDAL.
#pragma once

#include <string>

namespace moescope::sar {

enum class SpeckleFilter { None, Lee, RefinedLee, Frost };

// Parses "none", "lee", "refined-lee", "frost" (exactly these spellings); false when unknown,
// leaving *out untouched.
bool parseSpeckleFilter(const std::string &name, SpeckleFilter *out);
// The name parseSpeckleFilter() accepts for `f`.
std::string toString(SpeckleFilter f);

struct SpeckleParams
{
    SpeckleFilter filter = SpeckleFilter::None;
    // Lee and Frost: the window is (2*radius+1)^2, OTB's -filter.lee.rad / -filter.frost.rad.
    // Values below 1 are treated as 1 (OTB's variance divides by window size - 1).
    // Refined Lee ignores it: its 7x7 window, 3x3 sub-windows and eight edge-aligned masks are
    // fixed by the algorithm.
    int radius = 1;
    // Number of looks L of the intensity image (OTB's -filter.lee.nblooks), for Lee and Refined
    // Lee: the speckle's squared coefficient of variation is 1/L. Must be > 0.
    double looks = 1.0;
    // Frost's damping factor k (OTB's -filter.frost.deramp): weights are exp(-k * Ci^2 * d).
    double deramp = 0.1;
};

// Context pixels a tile needs on each side: filtering a tile read with this margin (the margin
// clamped at the scene edge, as a tile reader does) and cropping it gives exactly, bit for bit,
// the pixels of filtering the whole scene. radius for Lee and Frost, 3 for Refined Lee, 0 for
// None.
int speckleMargin(const SpeckleParams &p);

// Filters the width x height row-major image `in` into `out` (same size; must not alias `in`).
//
// The input is INTENSITY (power, |s|^2, linear not dB), as OTB's Despeckle expects: OTB's Lee
// takes the speckle's coefficient of variation as 1/sqrt(looks), which is that of L-look
// intensity (amplitude's is about 0.52/sqrt(looks)), and the OTB Cookbook converts SLC data to
// intensity before despeckling. Given amplitude, Lee / Refined Lee over-smooth: amplitude's
// smaller variation makes real texture and weak edges look like speckle.
//
// Borders replicate the edge pixel in each axis (ITK's ZeroFluxNeumannBoundaryCondition, which
// OTB's neighbourhood iterators use), so the whole image, corners included, agrees with OTB.
// Lee / Frost agree with OTB to float rounding (one float ulp at most on the test scenes), not
// by construction bit for bit: window statistics come from sums of x and x^2 in double rather
// than OTB's two passes, and Frost's kernel is summed per distance ring with fewer exp calls.
// A result depends only on the pixels within speckleMargin(), never on where the image starts,
// which is what makes tiled filtering exact.
void despeckle(const float *in, int width, int height, const SpeckleParams &p, float *out);

} // namespace moescope::sar

namespace moescope::sar {

// The equivalent number of looks of the width x height INTENSITY image `in`: mean² / variance
// over 15 x 15 windows, taken where most windows agree (the mode of its logarithm), so that
// windows over edges and texture (whose variance is not speckle alone) do not drag it down.
// Needs windows of homogeneous ground, as any ENL estimate does; 0 when fewer than 16 windows
// have signal. Accurate to about 15 % on gamma speckle of 1 to 16 looks (tst_speckle).
double estimateLooks(const float *in, int width, int height);

} // namespace moescope::sar
