#include "twolinedelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QTimer>
#include <QTreeView>

namespace moescope::gui {

namespace {
constexpr int kPad = 4;

QFont titleFont(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QFont font = option.font;
    const QVariant f = index.data(Qt::FontRole);
    if (f.canConvert<QFont>())
        font = f.value<QFont>();
    return font;
}
} // namespace

TwoLineDelegate::TwoLineDelegate(QAbstractItemView *view) : QStyledItemDelegate(view), m_view(view)
{
    view->viewport()->installEventFilter(this);
}

QRect TwoLineDelegate::textRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                                int width) const
{
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const int iconSide = icon.isNull() ? 0 : m_view->iconSize().height();
    const int left = option.rect.left() + kPad + (iconSide ? iconSide + kPad : 0);
    return QRect(left, option.rect.top() + kPad, std::max(40, width - (left - option.rect.left()) - 2 * kPad),
                 option.rect.height() - 2 * kPad);
}

void TwoLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    const QString detail = index.data(DetailRole).toString();
    // The background, selection and focus as the style draws them; the text is ours.
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const QSize iconSize = m_view->iconSize();
    if (!icon.isNull())
        icon.paint(painter, QRect(option.rect.left() + kPad, option.rect.top() + kPad,
                                  iconSize.width(), iconSize.height()));
    const QRect text = textRect(option, index, option.rect.width());
    const QPalette::ColorRole role =
        option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    painter->setPen(option.palette.color(role));
    const QFont tf = titleFont(option, index);
    painter->setFont(tf);
    const QRect titleBox = QFontMetrics(tf).boundingRect(text, Qt::TextWordWrap, title);
    painter->drawText(text, Qt::TextWordWrap, title);
    if (!detail.isEmpty()) {
        QFont df = option.font;
        painter->setFont(df);
        QColor c = option.palette.color(role);
        if (!(option.state & QStyle::State_Selected))
            c = option.palette.color(QPalette::PlaceholderText);
        painter->setPen(c);
        painter->drawText(text.adjusted(0, titleBox.height() + 1, 0, 0), Qt::TextWordWrap, detail);
    }
    painter->restore();
}

QSize TwoLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The width the row will have: the viewport's, less a tree's indentation.
    int width = m_view->viewport()->width();
    if (auto *tree = qobject_cast<QTreeView *>(m_view)) {
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= tree->indentation() * (depth + (tree->rootIsDecorated() ? 1 : 0));
    }
    QStyleOptionViewItem sized = opt;
    sized.rect = QRect(0, 0, width, 10000);
    const QRect text = textRect(sized, index, width);
    const QRect titleBox =
        QFontMetrics(titleFont(opt, index)).boundingRect(text, Qt::TextWordWrap, opt.text);
    const QString detail = index.data(DetailRole).toString();
    const int detailHeight =
        detail.isEmpty()
            ? 0
            : QFontMetrics(option.font).boundingRect(text, Qt::TextWordWrap, detail).height() + 1;
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const int iconHeight = icon.isNull() ? 0 : m_view->iconSize().height();
    return QSize(width, std::max(iconHeight, titleBox.height() + detailHeight) + 2 * kPad);
}

bool TwoLineDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // A new width wraps the texts anew: the rows' heights change with it.
    if (event->type() == QEvent::Resize)
        QTimer::singleShot(0, m_view, [view = m_view] { view->doItemsLayout(); });
    return QStyledItemDelegate::eventFilter(watched, event);
}

} // namespace moescope::gui
