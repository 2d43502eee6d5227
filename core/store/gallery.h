#pragma once
// Galleries: named sets of images indexed with one model's embeddings, kept
// in the same SQLite file as the runs (schema version 2). What a query needs
// (every item's embedding) loads in one pass; what a result view needs (the
// window embeddings, the gate values, a thumbnail) loads per item.
//
// One *source* is one file (or series) by the SHA-256 of its content; it
// gives one item per frame (a slice, a cine frame, a volume's axial slice).
// A source and all its items are written in one transaction, so a cancelled
// or failed indexing never leaves a half-indexed file, and indexing the same
// folder again skips the sources already there (resumable by content).

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace moescope::store {

struct GalleryInfo
{
    qint64 id = 0;
    QString name;
    QString modelSha256; // the model that built it; queries from another are refused
    QString modelName;
    QString modelPath;
    QString embeddingOutput; // the model output the embeddings come from ("embedding")
    int dim = 0;             // floats per embedding
    QDateTime createdAt;
    qint64 itemCount = 0;
    qint64 sourceCount = 0;
    QString note;
};

struct GalleryItem
{
    qint64 id = 0; // assigned when stored
    QString sourceSha256;
    int frame = 0;
    QString path;  // where the source was when indexed
    QString label; // e.g. the folder name beneath the indexed root; may be empty
    QString seriesUid;
    QString modality;
    int width = 0, height = 0;    // of the frame
    std::vector<float> embedding; // dim floats, L2-normalised by the indexer
    // Local window embeddings (window_embeddings output), rows × cols windows
    // of windowDim floats each; empty when the model has none. Stored as
    // float16: they serve the "which window matched" heatmap, not ranking.
    std::vector<float> windows;
    int windowRows = 0, windowCols = 0, windowDim = 0;
    QJsonObject gates;    // per MoE layer: mean router probability per expert
    QByteArray thumbnail; // PNG, small (for the result strip); may be empty
};

// Every embedding of a gallery, row-major, in item-id order.
struct GalleryMatrix
{
    int dim = 0;
    std::vector<qint64> ids;
    std::vector<float> vectors; // ids.size() × dim
};

} // namespace moescope::store
