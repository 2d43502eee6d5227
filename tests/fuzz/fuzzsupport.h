// What every libFuzzer harness shares. A harness defines
// LLVMFuzzerTestOneInput (fuzzsupport.cpp defines LLVMFuzzerInitialize); it is
// linked either with libFuzzer (clang, MOESCOPE_FUZZ=ON) to search, or with
// fuzzreplay.cpp to run a corpus once, which is how the normal test suite
// runs the regression corpus.
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace moescope::fuzz {

// A QCoreApplication (Qt's image-format and SQL driver plugins need one), a
// private folder for the files harnesses write, and a decoded-size limit of
// 8 MB: a header claiming a large picture meets MoEScope's own check (what is
// under test), and a gzip stream that inflates to the limit costs
// milliseconds, not a second, per input.
void initialise(int *argc, char ***argv);

// Writes the input to `name` in the private folder (replacing what was
// there) and returns its path; the loaders under test read files by path.
QString writeInput(const QString &name, const uint8_t *data, size_t size);

// Removes `name` from the private folder, if there.
void removeInput(const QString &name);

} // namespace moescope::fuzz

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
