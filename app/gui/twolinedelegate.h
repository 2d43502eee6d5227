#pragma once
// Draws a list or tree row as a title (bold when the item's font is) over a
// detail text wrapped to the view's width, with the item's icon on the left:
// the Models list and the samples browser show every word at any width
// instead of eliding it. The rows' heights follow the view's width (the views
// re-lay out their items when resized: relayoutOnResize()).

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace moescope::gui {

class TwoLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int DetailRole = Qt::UserRole + 40;

    explicit TwoLineDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The text column: the row's rectangle less its indentation and icon.
    QRect textRect(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;

    QAbstractItemView *m_view;
};

} // namespace moescope::gui
