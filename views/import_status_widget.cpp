#include "import_status_widget.h"

#include "pipeline/import_pipeline.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace Awb {

ImportStatusWidget::ImportStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(220);
    m_bar->setFormat(tr("Importing %p%"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import; messages already read are kept"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ImportStatusWidget::cancelRequested);
    hide();
}

void ImportStatusWidget::showStarted()
{
    m_bar->setValue(0);
    m_counts->setText(tr("Reading…"));
    m_cancel->setEnabled(true);
    show();
}

void ImportStatusWidget::showProgress(const ImportProgress &progress)
{
    if (progress.totalBytes > 0)
        m_bar->setValue(
            int(1000 * qMin(progress.bytesRead, progress.totalBytes) / progress.totalBytes));
    m_counts->setText(tr("%n imported", nullptr, progress.imported) + QStringLiteral(", ") +
                      tr("%n duplicate(s)", nullptr, progress.duplicates) + QStringLiteral(", ") +
                      tr("%n rejected", nullptr, progress.rejected));
}

void ImportStatusWidget::showStopped()
{
    hide();
}

} // namespace Awb
