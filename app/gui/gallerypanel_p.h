#pragma once
// What the two halves of GalleryPanel share (gallerypanel.cpp: the panel,
// galleries and indexing; gallerypanelquery.cpp: queries, hits and gates).

#include "store/gallery.h"

#include <QFileInfo>
#include <QString>

namespace moescope::gui {

constexpr int kThumbPx = 96;
// The gate table's roles: a gate's value, and the layer and expert of its cell.
constexpr int kValueRole = Qt::UserRole;
constexpr int kLayerRole = Qt::UserRole + 1;
constexpr int kExpertRole = Qt::UserRole + 2;

// How a gallery item is named in lists: its label, else its file's name.
inline QString itemName(const store::GalleryItem &item)
{
    const QString file = QFileInfo(item.path).fileName();
    return item.label.isEmpty() ? file : item.label;
}

} // namespace moescope::gui
