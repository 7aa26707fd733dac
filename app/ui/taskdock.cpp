#include "taskdock.h"

#include "icons.h"
#include "placeholdertreeview.h"
#include "taskmodel.h"
#include "taskstatusdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Corral {

TaskDock::TaskDock(TaskModel *model, QWidget *parent)
    : QDockWidget(tr("Tasks"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("taskDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                | QDockWidget::DockWidgetFloatable);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_view = new PlaceholderTreeView(content);
    m_view->setObjectName(QStringLiteral("taskView"));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(TaskModel::StatusColumn, new TaskStatusDelegate(m_view));
    m_view->setPlaceholderText(
        tr("No tasks yet. VM and host operations show their progress and errors here."));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->resizeSection(TaskModel::TaskColumn, 260);
    header->resizeSection(TaskModel::HostColumn, 120);
    header->setSectionResizeMode(TaskModel::StatusColumn, QHeaderView::Stretch);
    header->resizeSection(TaskModel::StartedColumn, 90);
    header->resizeSection(TaskModel::DurationColumn, 90);
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(4, 0, 4, 4);
    buttons->addStretch(1);
    m_clearButton
        = new QPushButton(Icons::symbolic(QStringLiteral("clear")), tr("Clear Finished"), content);
    m_clearButton->setObjectName(QStringLiteral("clearFinished"));
    m_clearButton->setToolTip(tr("Remove the finished tasks from this list"));
    m_clearButton->setEnabled(model->finishedCount() > 0);
    buttons->addWidget(m_clearButton);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_clearButton, &QPushButton::clicked, model, &TaskModel::clearFinished);
    connect(model, &TaskModel::finishedCountChanged, m_clearButton,
            [this](int count) { m_clearButton->setEnabled(count > 0); });
}

QByteArray TaskDock::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void TaskDock::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_view->header()->restoreState(state);
}

} // namespace Corral
