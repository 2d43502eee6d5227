#include "speckle.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace moescope::sar {

namespace {

// OTB's guard on |mean| and variance (otbLeeImageFilter.hxx, otbFrostImageFilter.hxx).
constexpr double kOtbEpsilon = 1e-10;

// A pixel and its square in double, what window means and variances are summed from: double
// keeps sum(x^2) - sum(x)^2/n from cancelling, and squaring once per row is cheaper than per tap.
struct Moments
{
    double v = 0, v2 = 0;
    Moments() = default;
    explicit Moments(float f) : v(f), v2(double(f) * f) {}
};

// Rows of the input as Moments, with `margin` replicated pixels on each side; a row index outside
// the image gives its nearest row. That is ITK's ZeroFluxNeumann condition, clamping each axis on
// its own. A ring of 2*margin+1 rows is enough because the window only slides down.
class PaddedRows
{
public:
    PaddedRows(const float *in, int width, int height, int margin)
        : in_(in), width_(width), height_(height), margin_(margin), slots_(2 * margin + 1),
          stride_(std::size_t(width) + 2 * margin), buf_(slots_ * stride_), held_(slots_, INT_MIN)
    {
    }

    // The rows y - margin .. y + margin; each pointer is at column 0, valid from -margin to
    // width - 1 + margin, until the next call.
    void window(int y, const Moments **rows)
    {
        for (int k = 0; k < slots_; ++k)
            rows[k] = row(y - margin_ + k);
    }

private:
    const Moments *row(int y)
    {
        const int slot = ((y % slots_) + slots_) % slots_;
        Moments *dst = buf_.data() + std::size_t(slot) * stride_;
        if (held_[slot] != y) {
            const float *src = in_ + std::size_t(std::clamp(y, 0, height_ - 1)) * width_;
            std::fill(dst, dst + margin_, Moments(src[0]));
            for (int x = 0; x < width_; ++x)
                dst[margin_ + x] = Moments(src[x]);
            std::fill(dst + margin_ + width_, dst + stride_, Moments(src[width_ - 1]));
            held_[slot] = y;
        }
        return dst + margin_;
    }

    const float *in_;
    int width_, height_, margin_, slots_;
    std::size_t stride_;
    std::vector<Moments> buf_;
    std::vector<int> held_;
};

// For each row calls startRow(rows) with the window's rows, then for each pixel stores
// value(rows, x, mean, var), with the mean and sample (n - 1, OTB's) variance of its window. Window
// sums are separable, column sums then row sums of those, each summed afresh: running sums would be
// cheaper, but their rounding would depend on where the image starts, and tiles must match the
// scene bit for bit.
template <class StartRow, class Value>
void slideWindow(const float *in, int width, int height, int r, float *out, StartRow startRow,
                 Value value)
{
    PaddedRows padded(in, width, height, r);
    std::vector<const Moments *> rows(2 * r + 1);
    std::vector<Moments> col(std::size_t(width) + 2 * r);
    const int taps = 2 * r + 1;
    const double n = double(taps) * taps;
    for (int y = 0; y < height; ++y) {
        padded.window(y, rows.data());
        startRow(rows.data());
        for (int x = -r; x < width + r; ++x) {
            Moments c;
            for (int k = 0; k < taps; ++k) {
                c.v += rows[k][x].v;
                c.v2 += rows[k][x].v2;
            }
            col[x + r] = c;
        }
        float *dst = out + std::size_t(y) * width;
        for (int x = 0; x < width; ++x) {
            double s1 = 0, s2 = 0;
            for (int k = 0; k < taps; ++k) {
                s1 += col[x + k].v;
                s2 += col[x + k].v2;
            }
            const double mean = s1 / n;
            const double var = std::max(0.0, s2 - s1 * mean) / (n - 1);
            dst[x] = float(value(rows.data(), x, mean, var));
        }
    }
}

// otbLeeImageFilter.hxx: Cu2 = 1/L, Ci2 = var/mean^2, w = 1 - Cu2/Ci2, out = I*w + mean*(1-w).
void lee(const float *in, int width, int height, int r, double looks, float *out)
{
    const double cu2 = 1.0 / looks;
    slideWindow(
        in, width, height, r, out, [](const Moments *const *) {},
        [&](const Moments *const *rows, int x, double mean, double var) {
            const double ci2 = var / (mean * mean);
            if (std::abs(mean) < kOtbEpsilon)
                return 0.0;
            if (std::abs(var) < kOtbEpsilon || ci2 < cu2)
                return mean;
            const double w = 1 - cu2 / ci2;
            return rows[r][x].v * w + mean * (1 - w);
        });
}

// otbFrostImageFilter.hxx: alpha = deramp * var/mean^2, out = sum(exp(-alpha*d) I) /
// sum(exp(-alpha*d)) with d the distance to the centre. exp dominates the cost, so taps are
// grouped by distance, and a distance k*sqrt(s) (s square-free) takes its weight as
// exp(-alpha*sqrt(s))^k: one exp per s, 2 for r = 1 and 5 for r = 3, instead of one per tap.
void frost(const float *in, int width, int height, int r, double deramp, float *out)
{
    struct Tap
    {
        int d2, row, dx; // squared distance, row in the window, column offset
    };
    struct Ring
    {
        int d2, base, power, end; // d2 = power^2 * bases[base]; taps [previous end, end)
    };
    std::vector<Tap> taps;
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx)
            taps.push_back({dx * dx + dy * dy, dy + r, dx});
    std::stable_sort(taps.begin(), taps.end(), [](auto &a, auto &b) { return a.d2 < b.d2; });
    std::vector<Ring> rings; // runs of taps at one distance
    std::vector<int> bases;
    for (std::size_t t = 0; t < taps.size(); ++t) {
        const int d2 = taps[t].d2;
        if (rings.empty() || rings.back().d2 != d2) {
            int k = int(std::sqrt(double(d2)));
            while (k > 1 && d2 % (k * k) != 0)
                --k;
            const int s = k > 0 ? d2 / (k * k) : 1;
            const int base = int(std::find(bases.begin(), bases.end(), s) - bases.begin());
            if (base == int(bases.size()))
                bases.push_back(s);
            rings.push_back({d2, base, k, 0});
        }
        rings.back().end = int(t + 1);
    }
    // powers[b * (r + 1) + k] = exp(-alpha * sqrt(bases[b]))^k for the pixel at hand.
    std::vector<double> baseDist(bases.size()), powers(bases.size() * (r + 1), 1.0);
    for (std::size_t b = 0; b < bases.size(); ++b)
        baseDist[b] = std::sqrt(double(bases[b]));
    std::vector<const Moments *> tapRow(taps.size()); // each tap's row, shifted by its dx
    slideWindow(
        in, width, height, r, out,
        [&](const Moments *const *rows) {
            for (std::size_t t = 0; t < taps.size(); ++t)
                tapRow[t] = rows[taps[t].row] + taps[t].dx;
        },
        [&](const Moments *const *, int x, double mean, double var) {
            if (std::abs(mean) < kOtbEpsilon)
                return 0.0;
            if (std::abs(var) < kOtbEpsilon)
                return mean;
            const double alpha = deramp * var / (mean * mean);
            for (std::size_t b = 0; b < bases.size(); ++b) {
                const double e = std::exp(-alpha * baseDist[b]);
                for (int k = 1; k <= r; ++k)
                    powers[b * (r + 1) + k] = powers[b * (r + 1) + k - 1] * e;
            }
            double num = 0, den = 0;
            int t = 0;
            for (const Ring &g : rings) {
                const int count = g.end - t;
                double sum = 0;
                for (; t < g.end; ++t)
                    sum += tapRow[t][x].v;
                const double w = powers[g.base * (r + 1) + g.power];
                num += w * sum;
                den += w * count;
            }
            return num / den;
        });
}

// Refined Lee (Lee 1981, as in ESA SNAP's RefinedLee and PolSARpro's lee_refined_filter).
constexpr int kRefinedRadius = 3; // the 7x7 window
constexpr int kMaskPixels = 28;   // each edge-aligned mask: half the window plus its dividing line

// Whether window pixel (row j, column i), both 0..6, lies in edge-aligned mask d, numbered as in
// SNAP: 0 right half, 1 upper-right triangle, 2 top half, 3 upper-left, 4 left, 5 lower-left,
// 6 bottom, 7 lower-right. Mask d + 4 is the other side of mask d's line; both hold the line.
constexpr bool inMask(int d, int j, int i)
{
    const int side[8] = {i - 3, i - j, 3 - j, 6 - i - j, 3 - i, j - i, j - 3, i + j - 6};
    return side[d] >= 0;
}

// Sums of v and v^2 over mask D; rows[j] points at column 0 of window row j. The 49 window pixels
// are a compile-time sequence and the mask test a constant, so each mask compiles to 28
// straight-line additions: no loop, no table, no branch on which mask a pixel picked.
template <int D, int... K>
Moments maskSums(const Moments *const *rows, std::integer_sequence<int, K...>)
{
    Moments s;
    ((inMask(D, K / 7, K % 7) ? (s.v += rows[K / 7][K % 7].v, s.v2 += rows[K / 7][K % 7].v2) : 0),
     ...);
    return s;
}

template <int D> Moments maskSums(const Moments *const *rows)
{
    return maskSums<D>(rows, std::make_integer_sequence<int, 49>{});
}

void refinedLee(const float *in, int width, int height, double looks, float *out)
{
    using Sums = Moments (*)(const Moments *const *);
    static constexpr Sums sumsOf[8] = {maskSums<0>, maskSums<1>, maskSums<2>, maskSums<3>,
                                       maskSums<4>, maskSums<5>, maskSums<6>, maskSums<7>};
    // Opposite sub-windows {row, column, row, column} of the four gradients (left-right, upper
    // right-lower left, top-bottom, upper left-lower right) and the mask on the first one's side.
    static constexpr int ends[4][4] = {{1, 0, 1, 2}, {0, 2, 2, 0}, {0, 1, 2, 1}, {0, 0, 2, 2}};
    static constexpr int firstSide[4] = {4, 1, 2, 3};
    const int R = kRefinedRadius;
    const double sigma2 = 1.0 / looks; // speckle variance / mean^2 of L-look intensity
    const double shrink = 1 / (1 + sigma2);

    PaddedRows padded(in, width, height, R);
    const Moments *rows[2 * kRefinedRadius + 1];
    std::vector<double> col(std::size_t(width) + 2 * R);
    std::vector<double> box[3]; // 3x3 sums centred on rows y-2, y, y+2; columns -2 .. width+1
    for (auto &b : box)
        b.resize(std::size_t(width) + 4);
    for (int y = 0; y < height; ++y) {
        padded.window(y, rows);
        for (int j = 0; j < 3; ++j) {
            for (int x = -R; x < width + R; ++x)
                col[x + R] = rows[2 * j][x].v + rows[2 * j + 1][x].v + rows[2 * j + 2][x].v;
            for (int x = -2; x < width + 2; ++x)
                box[j][x + 2] = col[x + R - 1] + col[x + R] + col[x + R + 1];
        }
        float *dst = out + std::size_t(y) * width;
        for (int x = 0; x < width; ++x) {
            // Sub-window sums stand in for their means: every comparison below scales by 9.
            double m[3][3];
            for (int j = 0; j < 3; ++j)
                for (int i = 0; i < 3; ++i)
                    m[j][i] = box[j][x + 2 * i];
            // The strongest gradient gives the edge (ties keep the first); the mask keeps the
            // side whose mean is closer to the centre's.
            int dir = 0;
            double best = -1;
            for (int k = 0; k < 4; ++k) {
                const int *e = ends[k];
                const double g = std::abs(m[e[0]][e[1]] - m[e[2]][e[3]]);
                if (best < g) {
                    best = g;
                    dir = k;
                }
            }
            const int *e = ends[dir];
            const bool first =
                std::abs(m[e[0]][e[1]] - m[1][1]) < std::abs(m[1][1] - m[e[2]][e[3]]);
            const int d = first ? firstSide[dir] : (firstSide[dir] + 4) % 8;

            const Moments *window[7];
            for (int j = 0; j < 7; ++j)
                window[j] = rows[j] + x - R;
            const Moments s = sumsOf[d](window);
            const double mean = s.v / kMaskPixels;
            const double var = (s.v2 - s.v * mean) * (1.0 / (kMaskPixels - 1));
            // A constant mask gives var == 0 exactly (28 equal floats and their squares sum
            // exactly in double): a constant image comes back unchanged, not as 0/0.
            if (!(var > 0)) {
                dst[x] = float(mean);
                continue;
            }
            // Lee's MMSE: var(x) = (var(y) - mean^2 sigma^2) / (1 + sigma^2), b = var(x)/var(y).
            const double varX = std::max(0.0, (var - mean * mean * sigma2) * shrink);
            dst[x] = float(mean + varX / var * (rows[R][x].v - mean));
        }
    }
}

} // namespace

bool parseSpeckleFilter(const std::string &name, SpeckleFilter *out)
{
    for (SpeckleFilter f : {SpeckleFilter::None, SpeckleFilter::Lee, SpeckleFilter::RefinedLee,
                            SpeckleFilter::Frost}) {
        if (name == toString(f)) {
            *out = f;
            return true;
        }
    }
    return false;
}

std::string toString(SpeckleFilter f)
{
    static const char *const names[] = {"none", "lee", "refined-lee", "frost"}; // enum order
    return names[static_cast<int>(f)];
}

int speckleMargin(const SpeckleParams &p)
{
    if (p.filter == SpeckleFilter::RefinedLee)
        return kRefinedRadius;
    return p.filter == SpeckleFilter::None ? 0 : std::max(1, p.radius);
}

void despeckle(const float *in, int width, int height, const SpeckleParams &p, float *out)
{
    if (width <= 0 || height <= 0)
        return;
    const int r = speckleMargin(p);
    if (p.filter == SpeckleFilter::Lee)
        lee(in, width, height, r, p.looks, out);
    else if (p.filter == SpeckleFilter::Frost)
        frost(in, width, height, r, p.deramp, out);
    else if (p.filter == SpeckleFilter::RefinedLee)
        refinedLee(in, width, height, p.looks, out);
    else
        std::copy(in, in + std::size_t(width) * height, out);
}

} // namespace moescope::sar

namespace moescope::sar {

double estimateLooks(const float *in, int width, int height)
{
    constexpr int kWindow = 15;
    // log10 ENL from 0.1 to 1000 in bins of 0.05.
    constexpr double kLow = -1.0, kBin = 0.05;
    constexpr int kBins = 80;
    std::vector<double> histogram(kBins, 0.0);
    int windows = 0;
    for (int y0 = 0; y0 + kWindow <= height; y0 += kWindow / 2) {
        for (int x0 = 0; x0 + kWindow <= width; x0 += kWindow / 2) {
            double sum = 0, sum2 = 0;
            for (int y = y0; y < y0 + kWindow; ++y)
                for (int x = x0; x < x0 + kWindow; ++x) {
                    const double v = in[size_t(y) * width + x];
                    sum += v;
                    sum2 += v * v;
                }
            const double n = double(kWindow) * kWindow;
            const double mean = sum / n;
            const double variance = (sum2 - n * mean * mean) / (n - 1);
            if (!(mean > 0) || !(variance > 0))
                continue;
            const int bin = int(std::floor((std::log10(mean * mean / variance) - kLow) / kBin));
            if (bin < 0 || bin >= kBins)
                continue;
            histogram[size_t(bin)] += 1;
            ++windows;
        }
    }
    if (windows < 16)
        return 0;
    // The densest stretch of three bins, and the mean within it.
    int best = 1;
    for (int b = 1; b + 1 < kBins; ++b) {
        if (histogram[size_t(b - 1)] + histogram[size_t(b)] + histogram[size_t(b + 1)] >
            histogram[size_t(best - 1)] + histogram[size_t(best)] + histogram[size_t(best + 1)])
            best = b;
    }
    double weight = 0, at = 0;
    for (int b = best - 1; b <= best + 1; ++b) {
        weight += histogram[size_t(b)];
        at += histogram[size_t(b)] * (kLow + (b + 0.5) * kBin);
    }
    return std::pow(10.0, at / weight);
}

} // namespace moescope::sar
