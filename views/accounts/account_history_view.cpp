#include "accounts/account_history_view.h"

#include "accounts/account_timeline_view.h"
#include "itemmodels/account_event_model.h"
#include "itemmodels/account_list_model.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Awb {

namespace {

// "840.00 USD" from integer cents: money never goes through floating point.
QString usdText(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return QCoreApplication::translate("Awb::AccountHistoryView", "%1%2.%3 USD")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

AccountHistoryView::AccountHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_events(new AccountEventModel(this))
    , m_headerRow(new QHBoxLayout)
    , m_header(new QLabel(this))
    , m_details(new QLabel(this))
    , m_timeline(new AccountTimelineView(this))
    , m_offences(new QLabel(this))
    , m_rule(new QPlainTextEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_eventTable(new QTableView(this))
{
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.25);
    m_header->setFont(headerFont);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_headerRow->setContentsMargins(0, 0, 0, 0);
    m_headerRow->addWidget(m_header, 1);

    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);

    QFont bold = m_offences->font();
    bold.setBold(true);
    m_offences->setFont(bold);
    m_offences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The rule is long and must be read whole. A wrapped label inside a splitter or tab page is
    // squeezed to one line (they do not ask for the height a width needs); a read-only text of a
    // fixed few lines keeps its size and scrolls when a narrow pane needs more.
    m_rule->setObjectName(QStringLiteral("offenceRule"));
    m_rule->setReadOnly(true);
    m_rule->setFrameShape(QFrame::NoFrame);
    m_rule->viewport()->setAutoFillBackground(false);
    m_rule->document()->setDocumentMargin(0);
    m_rule->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rule->setFixedHeight(4 * m_rule->fontMetrics().lineSpacing() + 4);

    m_eventTable->setObjectName(QStringLiteral("accountEvents"));
    m_eventTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_eventTable->setSortingEnabled(true);
    m_eventTable->verticalHeader()->hide();
    m_eventTable->setWordWrap(false);
    auto *eventProxy = new QSortFilterProxyModel(this);
    eventProxy->setSourceModel(m_events);
    eventProxy->setSortRole(AccountEventModel::SortRole);
    m_eventTable->setModel(eventProxy);
    m_eventTable->sortByColumn(int(AccountEventModel::Column::Date), Qt::AscendingOrder);
    connect(m_eventTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 caseId = index.data(AccountEventModel::CaseIdRole).toLongLong();
        if (caseId > 0)
            Q_EMIT caseActivated(caseId);
    });
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true);
    m_tabs->addTab(m_eventTable, tr("Events"));

    m_body = new QSplitter(Qt::Vertical, this);
    m_body->addWidget(m_timeline);
    m_body->addWidget(m_tabs);
    m_body->setStretchFactor(0, 3);
    m_body->setStretchFactor(1, 2);
    m_body->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_headerRow);
    layout->addWidget(m_details);
    layout->addWidget(m_offences);
    layout->addWidget(m_rule);
    layout->addWidget(m_body, 1);
    // Takes the room of the hidden body when there is no account: the message stays on top.
    layout->addStretch(0);
}

AccountHistoryView::~AccountHistoryView() = default;

void AccountHistoryView::addHeaderWidget(QWidget *widget)
{
    m_headerRow->addWidget(widget, 0, Qt::AlignTop);
}

int AccountHistoryView::addTab(QWidget *page, const QString &label)
{
    return m_tabs->addTab(page, label);
}

void AccountHistoryView::setDetailsVisible(bool visible)
{
    m_detailsVisible = visible;
    // A narrower pane: the chart may be lower too. Its two summary lines do not wrap, so that a
    // layout short of height cannot squeeze them into one (a wrapped label's minimum height is a
    // line); what is cut at the right is in the tooltip.
    m_timeline->setMinimumHeight(visible ? 220 : 160);
    m_details->setWordWrap(visible);
    m_details->setSizePolicy(visible ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                             QSizePolicy::Preferred);
}

QString AccountHistoryView::headerText() const
{
    return m_header->text();
}

QString AccountHistoryView::summaryText() const
{
    return m_details->text();
}

QString AccountHistoryView::offencesText() const
{
    return m_offences->text();
}

QString AccountHistoryView::ruleText() const
{
    return m_rule->toPlainText();
}

QString AccountHistoryView::headerFor(const CustomerRecord &c)
{
    QString status = AccountListModel::statusLabel(c.status);
    if (c.suspendedUntil.isValid())
        status =
            tr("%1 until %2").arg(status, c.suspendedUntil.toString(QStringLiteral("yyyy-MM-dd")));
    return tr("%1 — %2 (%3)").arg(c.name, c.accountId, status);
}

QString AccountHistoryView::detailsFor(const AccountHistory &h) const
{
    const CustomerRecord &c = h.customer;
    const QString counts = tr("Cases: %1 (%2 open), reports: %3, listings: %4")
                               .arg(h.caseCount)
                               .arg(h.openCaseCount)
                               .arg(h.reportCount)
                               .arg(h.listings.size());
    QStringList assignments;
    for (const IpAssignmentRecord &a : h.assignments)
        assignments
            << tr("%1 (%2, %3)").arg(a.prefix.toString(), a.validity.toString(), a.serviceId);
    const QString addresses =
        tr("Addresses: %1")
            .arg(assignments.isEmpty() ? tr("none") : assignments.join(QStringLiteral("; ")));
    if (!m_detailsVisible)
        return addresses + QLatin1Char('\n') + counts;

    QStringList lines;
    lines << tr("Prepaid balance: %1")
                 .arg(c.prepaidCents ? usdText(*c.prepaidCents) : tr("not stated"));
    if (!c.email.isEmpty() || !c.country.isEmpty())
        lines << tr("Contact: %1   Country: %2").arg(c.email, c.country);
    lines << addresses;
    QStringList domains;
    for (const HostedDomainRecord &d : h.domains)
        domains << tr("%1 (%2)").arg(d.domain, d.validity.toString());
    lines << tr("Domains: %1")
                 .arg(domains.isEmpty() ? tr("none") : domains.join(QStringLiteral("; ")));
    lines << counts;
    return lines.join(QLatin1Char('\n'));
}

void AccountHistoryView::setBodyVisible(bool visible)
{
    for (QWidget *part : {static_cast<QWidget *>(m_details), static_cast<QWidget *>(m_offences),
                          static_cast<QWidget *>(m_rule), static_cast<QWidget *>(m_body)})
        part->setVisible(visible);
}

void AccountHistoryView::clear(const QString &header)
{
    // Only the message: an empty chart and table would say nothing, or look like an account
    // without history.
    setBodyVisible(false);
    m_header->setText(header);
    m_details->clear();
    m_timeline->clear();
    m_offences->clear();
    m_rule->clear();
    m_events->clear();
}

void AccountHistoryView::setHistory(const AccountHistory &history)
{
    setBodyVisible(true);
    m_header->setText(headerFor(history.customer));
    m_details->setText(detailsFor(history));
    m_details->setToolTip(m_details->text());
    m_timeline->setHistory(history);
    m_offences->setText(
        tr("Confirmed offences in the window: %1").arg(history.confirmedOffencesInWindow));
    m_rule->setPlainText(history.offenceRule);
    m_events->setEvents(history.events);
    m_eventTable->resizeColumnsToContents();
    // The details take what is left, so that long notes never push the "counted" column out of
    // sight; the tooltip has the full text.
    QHeaderView *header = m_eventTable->horizontalHeader();
    header->setSectionResizeMode(int(AccountEventModel::Column::Details), QHeaderView::Stretch);
    // A notice's Message-ID is long; the column need not show all of it to tell them apart.
    const int reference = int(AccountEventModel::Column::Reference);
    m_eventTable->setColumnWidth(reference, std::min(m_eventTable->columnWidth(reference), 220));
}

} // namespace Awb
