#include "pagesupport.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QTreeView>

namespace Corral::PageSupport {

QToolBar *toolBar(const QString &title, const QString &objectName, QWidget *parent)
{
    auto *bar = new QToolBar(title, parent);
    bar->setObjectName(objectName);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    return bar;
}

QSortFilterProxyModel *sortProxy(QAbstractItemModel *source, int sortRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    return proxy;
}

void setUpListView(QTreeView *view, QAbstractItemModel *model, int sortColumn)
{
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(sortColumn, Qt::AscendingOrder);
    view->header()->setSectionsMovable(true);
    view->header()->setStretchLastSection(true);
}

void showWarning(QWidget *parent, const QString &title, const QString &message,
                 const QString &objectName)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
    if (!objectName.isEmpty())
        box->setObjectName(objectName);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Corral::PageSupport
