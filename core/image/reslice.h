#pragma once

// Cutting a series or volume along the other two patient axes, for the coronal and sagittal
// views of a CT. Qt Core + Gui only.
//
// The input is taken as loaded (see ImageLoader): frames are axial slices from inferior to
// superior, rows run from anterior to posterior, columns from the patient's right to left.

#include "image/image.h"

#include <QString>

namespace moescope {

enum class SlicePlane { Axial, Coronal, Sagittal };

QString slicePlaneName(SlicePlane plane); // "axial", "coronal", "sagittal"

// True when `stack` can be resliced: a Series or Volume of at least two frames.
bool canReslice(const ImageStack &stack);

// The stack cut along `plane`:
//  - Axial: the stack as it is;
//  - Coronal: one frame per row of the axial slices (anterior to posterior); each frame is
//    width columns (right to left) by frameCount rows, superior at the top (the last axial
//    slice is the first row);
//  - Sagittal: one frame per column (right to left); each frame is height columns (anterior to
//    posterior, the face on the left) by frameCount rows, superior at the top.
// Spacing is permuted with the axes; kind, window, modality, photometric, metadata and warnings
// are kept (metadata gains "Plane"). sha256 names what the stack holds, so it is the source's
// hash with the plane mixed in: runs and caches keyed by it never mix an axial frame with a
// coronal one. A stack that cannot be resliced (see canReslice) comes back unchanged.
ImageStack reslice(const ImageStack &volume, SlicePlane plane);

// The sha256 reslice() gives the `plane` cut of a stack whose sha256 is
// `volumeSha` (hex), without cutting it: to find which plane a stored run
// was made on. Axial gives volumeSha itself.
QByteArray reslicedSha256(const QByteArray &volumeSha, SlicePlane plane);

} // namespace moescope
