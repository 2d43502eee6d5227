#pragma once
// A run over frames (a track) as a video a person can hand on: each step's
// frame with the rectangles the plugin asked to have drawn (frame_boxes:
// search region, ground truth, the tracker's box) and, where the step kept
// its full routing, the top-1 expert map of one MoE layer over the input laid
// on the frame. Encoded with FFmpeg's libraries: H.264 (libx264) in MP4 when
// FFmpeg has it, else MPEG-4 Part 2. FFmpeg's own log lines are kept off the
// terminal; its last error goes into the message.

#include "jobs/analysis.h"

#include <QString>

namespace moescope {

class SceneSource;

struct AnnotatedVideoOptions
{
    double fps = 30.0;
    int layer = -1;        // the MoE layer whose top-1 map is drawn; -1: the last
    double opacity = 0.45; // of the top-1 map
};

// Writes `path` (atomically: a temporary file renamed at the end). False
// with `error` naming the file and the cause; nothing is left behind then.
bool writeAnnotatedVideo(const QString &path, const AnalysisResult &result,
                         const SceneSource &source, const AnnotatedVideoOptions &options,
                         QString *error);

} // namespace moescope
