#include "cases/decision_dialog.h"

#include "policy/liability.h"
#include "policy/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Awb {
namespace {

QString actionLabel(const QString &action)
{
    if (action.isEmpty())
        return DecisionDialog::tr("No sanction");
    if (action == u"warning")
        return DecisionDialog::tr("Warning (first offence)");
    if (action == u"suspension")
        return DecisionDialog::tr("Suspension (7-30 days)");
    if (action == u"termination")
        return DecisionDialog::tr("Termination");
    return DecisionDialog::tr("Termination with liability (6.2, 6.3)");
}

QString chargeLabel(const QString &kind)
{
    if (kind == u"delisting-fee")
        return DecisionDialog::tr("Delisting fees");
    if (kind == u"reputation-remediation")
        return DecisionDialog::tr("IP reputation remediation");
    if (kind == u"administrative-overhead")
        return DecisionDialog::tr("Administrative overhead");
    if (kind == u"legal-fees")
        return DecisionDialog::tr("Legal fees");
    return kind;
}

} // namespace

DecisionDialog::DecisionDialog(CaseStore &store, qint64 caseId, QString analyst, QWidget *parent,
                               const QDateTime &now)
    : QDialog(parent)
    , m_store(store)
    , m_analyst(std::move(analyst))
    , m_now(now)
    , m_proposal(new QLabel(this))
    , m_factors(new QTreeWidget(this))
    , m_explanation(new QPlainTextEdit(this))
    , m_action(new QComboBox(this))
    , m_days(new QSpinBox(this))
    , m_reason(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_liability(new QGroupBox(tr("Liability (policy 6.2 and 6.3), USD"), this))
    , m_perIncident(new QLineEdit(formatMoneyAmount(kMinimumIncidentCents), this))
    , m_setup(new QLineEdit(QStringLiteral("0.00"), this))
    , m_credits(new QLineEdit(QStringLiteral("0.00"), this))
    , m_campaignIncident(
          new QCheckBox(tr("Count the case's complaint campaign as an incident"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Advise and Decide"));
    m_proposal->setWordWrap(true);
    m_proposal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_factors->setHeaderLabels({tr("Points"), tr("Factor"), tr("Source")});
    m_factors->setRootIsDecorated(false);
    m_factors->setWordWrap(true);
    m_factors->header()->setStretchLastSection(true);
    m_explanation->setReadOnly(true);
    m_reason->setPlaceholderText(tr("Why (required when the decision departs from the proposal)"));
    m_reason->setMaximumHeight(80);
    m_problem->setWordWrap(true);
    m_days->setRange(7, 30);
    m_days->setSuffix(tr(" days"));
    for (const QString &action :
         {QString(), QStringLiteral("warning"), QStringLiteral("suspension"),
          QStringLiteral("termination"), QStringLiteral("termination-liability")})
        m_action->addItem(actionLabel(action), action);
    m_campaignIncident->setChecked(true);

    auto *liability = new QFormLayout(m_liability);
    liability->addRow(tr("Per incident (at least 15.00):"), m_perIncident);
    for (const QString &kind : liabilityChargeKinds()) {
        auto *field = new QLineEdit(QStringLiteral("0.00"), this);
        m_charges.append({kind, field});
        liability->addRow(chargeLabel(kind) + QLatin1Char(':'), field);
        connect(field, &QLineEdit::textChanged, this, &DecisionDialog::updateState);
    }
    liability->addRow(tr("Setup charges forfeited:"), m_setup);
    liability->addRow(tr("Account credits forfeited:"), m_credits);
    liability->addRow(m_campaignIncident);

    auto *choice = new QGroupBox(tr("Decision"), this);
    auto *form = new QFormLayout(choice);
    form->addRow(tr("Action:"), m_action);
    form->addRow(tr("Suspension:"), m_days);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(m_problem);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_factors);
    splitter->addWidget(m_explanation);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_proposal);
    layout->addWidget(splitter, 1);
    auto *lower = new QHBoxLayout;
    lower->addWidget(choice, 1);
    lower->addWidget(m_liability, 1);
    layout->addLayout(lower);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Record Decision"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DecisionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DecisionDialog::reject);
    connect(m_action, &QComboBox::currentIndexChanged, this, &DecisionDialog::updateState);
    connect(m_days, &QSpinBox::valueChanged, this, &DecisionDialog::updateState);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateState);
    for (QLineEdit *field : {m_perIncident, m_setup, m_credits})
        connect(field, &QLineEdit::textChanged, this, &DecisionDialog::updateState);
    resize(980, 760);

    Result<CaseAdvice> advice =
        adviseCase(m_store, caseId, AdvisorSettings::fromSettings(QSettings()), m_now);
    if (advice)
        m_advice = std::move(*advice);
    else
        m_loadError = advice.error();
    showAdvice();
    updateState();
}

QLineEdit *DecisionDialog::chargeField(const QString &kind) const
{
    for (const auto &[key, field] : m_charges) {
        if (key == kind)
            return field;
    }
    return nullptr;
}

void DecisionDialog::showAdvice()
{
    if (!m_advice) {
        m_proposal->setText(tr("The case could not be advised: %1").arg(m_loadError));
        return;
    }
    const Recommendation &r = m_advice->recommendation;
    QString proposal = actionLabel(r.action);
    if (r.action == u"suspension")
        proposal += tr(", %1 days").arg(r.suspensionDays);
    m_proposal->setText(tr("<b>Proposed: %1</b> (score %2)<br>%3<br>Clauses engaged: %4")
                            .arg(proposal.toHtmlEscaped())
                            .arg(r.score)
                            .arg(r.ruleApplied.toHtmlEscaped(),
                                 r.clauses.isEmpty() ? tr("none") : r.clauses.join(u", ")));
    for (const AdvisorFactor &factor : r.factors) {
        auto *item = new QTreeWidgetItem(m_factors);
        item->setText(0, factor.counted ? QStringLiteral("+%1").arg(factor.weight)
                                        : tr("(%1, not counted)").arg(factor.weight));
        item->setText(1, factor.label);
        item->setText(2, factor.source);
        item->setToolTip(1, factor.detail);
        item->setToolTip(2, factor.source);
        item->setData(0, Qt::UserRole, factor.id);
        QFont font = item->font(1);
        // Set-aside factors stay readable but step back, in style rather than colour.
        font.setItalic(!factor.counted);
        for (int column = 0; column < 3; ++column)
            item->setFont(column, font);
    }
    m_factors->resizeColumnToContents(0);
    m_factors->setColumnWidth(1, 380);
    m_explanation->setPlainText(r.explanation.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                                advisorRuleDescriptions(r.settingsUsed).join(QLatin1Char('\n')));
    m_action->setCurrentIndex(std::max(0, m_action->findData(r.action)));
    if (r.suspensionDays > 0)
        m_days->setValue(r.suspensionDays);
}

AnalystDecision DecisionDialog::decision() const
{
    AnalystDecision decision;
    decision.action = m_action->currentData().toString();
    decision.suspensionDays = decision.action == u"suspension" ? m_days->value() : 0;
    decision.reason = m_reason->toPlainText().trimmed();
    return decision;
}

Result<DecisionRequest> DecisionDialog::request() const
{
    DecisionRequest request;
    request.decision = decision();
    request.who = m_analyst;
    request.campaignIsIncident = m_campaignIncident->isChecked();
    if (request.decision.action != u"termination-liability")
        return request;
    auto amount = [](const QString &label, const QLineEdit *field) -> Result<qint64> {
        Result<qint64> cents = parseMoney(field->text());
        if (!cents)
            return Error{tr("%1 %2").arg(label, cents.error())};
        return cents;
    };
    Result<qint64> perIncident = amount(tr("Per incident:"), m_perIncident);
    if (!perIncident)
        return Error{perIncident.error()};
    request.perIncidentCents = *perIncident;
    for (const auto &[kind, field] : m_charges) {
        Result<qint64> cents = amount(chargeLabel(kind) + QLatin1Char(':'), field);
        if (!cents)
            return Error{cents.error()};
        if (*cents > 0)
            request.charges.append({kind, chargeLabel(kind), *cents});
    }
    Result<qint64> setup = amount(tr("Setup charges:"), m_setup);
    Result<qint64> credits = amount(tr("Account credits:"), m_credits);
    if (!setup)
        return Error{setup.error()};
    if (!credits)
        return Error{credits.error()};
    request.setupCents = *setup;
    request.creditsCents = *credits;
    return request;
}

QString DecisionDialog::problem() const
{
    if (!m_advice)
        return m_loadError;
    if (Status valid = validateDecision(m_advice->recommendation, decision()); !valid)
        return valid.error();
    if (Result<DecisionRequest> built = request(); !built)
        return built.error();
    return {};
}

void DecisionDialog::updateState()
{
    const QString action = m_action->currentData().toString();
    m_days->setEnabled(action == u"suspension");
    m_liability->setEnabled(action == u"termination-liability");
    const QString issue = problem();
    const bool override = m_advice && isOverride(m_advice->recommendation, decision());
    m_problem->setText(!issue.isEmpty() ? issue
                       : override       ? tr("Override of the proposal, with the reason above.")
                                        : tr("As proposed."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(issue.isEmpty());
}

void DecisionDialog::accept()
{
    if (!m_advice || !problem().isEmpty())
        return;
    Result<DecisionRequest> built = request();
    Result<RecordedDecision> recorded = decideCase(m_store, *m_advice, *built, m_now);
    if (!recorded) {
        QMessageBox::warning(this, tr("Decision Not Recorded"), recorded.error());
        return;
    }
    m_recorded = *recorded;
    QDialog::accept();
}

} // namespace Awb
