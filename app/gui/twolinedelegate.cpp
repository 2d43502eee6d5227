#include "twolinedelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QTextLayout>
#include <QTimer>
#include <QTreeView>

namespace moescope::gui {

namespace {
constexpr int kPad = 4;

// Wraps at word boundaries, and inside a word only where one word is wider
// than the row (a long sample name in a narrow dock): nothing is cut off.
QTextOption wrapping()
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

int wrappedHeight(const QFont &font, const QString &text, int width)
{
    if (text.isEmpty())
        return 0;
    int height = 0;
    const QFontMetrics metrics(font);
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, font);
        layout.setTextOption(wrapping());
        layout.beginLayout();
        int lines = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            ++lines;
        }
        layout.endLayout();
        height += std::max(1, lines) * metrics.lineSpacing();
    }
    return height;
}

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
    return QRect(left, option.rect.top() + kPad,
                 std::max(40, width - (left - option.rect.left()) - 2 * kPad),
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
    const int titleHeight = wrappedHeight(tf, title, text.width());
    painter->drawText(QRectF(text), title, wrapping());
    if (!detail.isEmpty()) {
        painter->setFont(option.font);
        QColor c = option.palette.color(role);
        if (!(option.state & QStyle::State_Selected))
            c = option.palette.color(QPalette::PlaceholderText);
        painter->setPen(c);
        painter->drawText(QRectF(text.adjusted(0, titleHeight + 1, 0, 0)), detail, wrapping());
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
    const int titleHeight = wrappedHeight(titleFont(opt, index), opt.text, text.width());
    const QString detail = index.data(DetailRole).toString();
    const int detailHeight =
        detail.isEmpty() ? 0 : wrappedHeight(option.font, detail, text.width()) + 1;
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const int iconHeight = icon.isNull() ? 0 : m_view->iconSize().height();
    return QSize(width, std::max(iconHeight, titleHeight + detailHeight) + 2 * kPad);
}

bool TwoLineDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // A new width wraps the texts anew: the rows' heights change with it.
    if (event->type() == QEvent::Resize)
        QTimer::singleShot(0, m_view, [view = m_view] { view->doItemsLayout(); });
    return QStyledItemDelegate::eventFilter(watched, event);
}

} // namespace moescope::gui
