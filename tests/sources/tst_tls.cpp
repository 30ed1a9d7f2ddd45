// SPDX-License-Identifier: GPL-3.0-or-later
// MLFLOW_TRACKING_INSECURE_TLS, MLFLOW_TRACKING_SERVER_CERT_PATH and MLFLOW_TRACKING_CLIENT_CERT_PATH
// against the test server speaking HTTPS, through the public entry points (md::createSource and
// md::createRegistryWriter read the variables from the process environment). The certificates are
// made here with the openssl CLI: a throw-away CA, a server certificate for IP:127.0.0.1 and
// DNS:localhost signed by it, a client certificate signed by it, and an unrelated self-signed one.

#include "TestServer.h"
#include "TestSupport.h"

#include "sources/RegistryWriter.h"
#include "sources/Source.h"
#include "sources/rest/HttpClient.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using md::ErrorCategory;

namespace {

/// Counts what a source delivers.
class CountingSink : public md::ImportSink {
public:
    int experiments = 0;
    int runs = 0;
    int models = 0;
    int versions = 0;
    int problems = 0;

    md::Status experiment(const md::Experiment &) override
    {
        ++experiments;
        return {};
    }
    md::Status run(const md::Run &) override
    {
        ++runs;
        return {};
    }
    md::Status registeredModel(const md::RegisteredModel &m) override
    {
        ++models;
        versions += int(m.versions.size());
        return {};
    }
    void problem(const md::ReadProblem &) override { ++problems; }
};

const char *const kTlsVariables[] = { "MLFLOW_TRACKING_INSECURE_TLS", "MLFLOW_TRACKING_SERVER_CERT_PATH",
    "MLFLOW_TRACKING_CLIENT_CERT_PATH" };

const QString kSetTag = u"POST /api/2.0/mlflow/model-versions/set-tag"_s;

/// Sent with every request: it must never show up in an error message.
const QByteArray kToken = "tls-test-s3cr3t-token";

QString describe(const md::Error &e)
{
    return QString::number(int(e.category)) + u" | "_s + e.toString();
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_openssl;
    md::test::TestServer m_plain; ///< HTTP
    md::test::TestServer m_tls; ///< HTTPS, no client certificate asked for
    md::test::TestServer m_mtls; ///< HTTPS, a client certificate signed by the CA required
    std::atomic_bool m_noCancel { false };

    QString file(const QString &name) const { return m_dir.filePath(name); }

    bool openssl(const QStringList &args)
    {
        const md::test::ProcessResult r = md::test::runProcess(m_openssl, args);
        if (r.exitCode != 0)
            qWarning("openssl %s failed: %s", qPrintable(args.join(u' ')), r.err.constData());
        return r.exitCode == 0;
    }

    bool concat(const QString &to, const QStringList &from)
    {
        QByteArray all;
        for (const QString &f : from) {
            QFile in(file(f));
            if (!in.open(QIODevice::ReadOnly))
                return false;
            all += in.readAll();
        }
        return md::test::writeFile(file(to), all);
    }

    /// A key and a certificate `name`.pem / `name`.key, signed by the CA (or self-signed when
    /// `ca` is false), with the X.509 v3 extensions of section `section` of ext.cnf.
    bool makeCert(const QString &name, const QString &subject, bool ca, const QString &section,
        const QStringList &newKey = { u"-newkey"_s, u"rsa:2048"_s })
    {
        if (!ca)
            return openssl(QStringList { u"req"_s, u"-x509"_s } + newKey
                + QStringList { u"-nodes"_s, u"-keyout"_s, file(name + u".key"_s), u"-out"_s, file(name + u".pem"_s),
                    u"-days"_s, u"2"_s, u"-subj"_s, subject, u"-extensions"_s, section, u"-config"_s,
                    file(u"ext.cnf"_s) });
        return openssl(QStringList { u"req"_s } + newKey
                   + QStringList { u"-nodes"_s, u"-keyout"_s, file(name + u".key"_s), u"-out"_s,
                       file(name + u".csr"_s), u"-subj"_s, subject, u"-config"_s, file(u"ext.cnf"_s) })
            && openssl({ u"x509"_s, u"-req"_s, u"-in"_s, file(name + u".csr"_s), u"-CA"_s, file(u"ca.pem"_s),
                u"-CAkey"_s, file(u"ca.key"_s), u"-CAcreateserial"_s, u"-out"_s, file(name + u".pem"_s), u"-days"_s,
                u"2"_s, u"-extfile"_s, file(u"ext.cnf"_s), u"-extensions"_s, section });
    }

    md::test::TestServer &server(const QString &name)
    {
        return name == u"mtls"_s ? m_mtls : name == u"tls"_s ? m_tls : m_plain;
    }

    /// Sets the three TLS variables (an empty value unsets one); paths are relative to m_dir
    /// unless absolute.
    void setTlsEnvironment(const QString &insecure, const QString &ca, const QString &client)
    {
        const QString values[] = { insecure, ca.isEmpty() || QDir::isAbsolutePath(ca) ? ca : file(ca),
            client.isEmpty() || QDir::isAbsolutePath(client) ? client : file(client) };
        for (int i = 0; i < 3; ++i) {
            if (values[i].isEmpty())
                qunsetenv(kTlsVariables[i]);
            else
                qputenv(kTlsVariables[i], values[i].toLocal8Bit());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!m_openssl.isEmpty(), "the openssl CLI is needed (packaging/install-deps.sh installs it)");
        QVERIFY(md::test::writeFile(file(u"ext.cnf"_s),
            "[req]\ndistinguished_name = dn\n[dn]\n"
            "[ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n"
            "subjectKeyIdentifier = hash\n"
            "[server]\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature,keyEncipherment\n"
            "extendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1,DNS:localhost\n"
            "[client]\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature,keyEncipherment\n"
            "extendedKeyUsage = clientAuth\n"
            "[other]\nbasicConstraints = CA:FALSE\nsubjectAltName = IP:127.0.0.1,DNS:localhost\n"));
        QVERIFY(makeCert(u"ca"_s, u"/CN=ModelDesk test CA"_s, false, u"ca"_s));
        QVERIFY(makeCert(u"server"_s, u"/CN=127.0.0.1"_s, true, u"server"_s));
        QVERIFY(makeCert(u"client"_s, u"/CN=modeldesk-test-client"_s, true, u"client"_s));
        QVERIFY(makeCert(u"other"_s, u"/CN=unrelated"_s, false, u"other"_s));
        QVERIFY(makeCert(u"client-ec"_s, u"/CN=modeldesk-test-client-ec"_s, true, u"client"_s,
            { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s }));
        // MLflow passes MLFLOW_TRACKING_CLIENT_CERT_PATH to requests as `cert=<path>`: one PEM file
        // holding the certificate and its key.
        QVERIFY(concat(u"client-bundle.pem"_s, { u"client.pem"_s, u"client.key"_s }));
        QVERIFY(concat(u"key-first-bundle.pem"_s, { u"client.key"_s, u"client.pem"_s }));
        QVERIFY(concat(u"other-bundle.pem"_s, { u"other.pem"_s, u"other.key"_s }));
        QVERIFY(concat(u"client-ec-bundle.pem"_s, { u"client-ec.pem"_s, u"client-ec.key"_s }));
        // requests (and so MLflow) also takes a folder of CA certificates.
        QVERIFY(QDir(m_dir.path()).mkdir(u"cadir"_s));
        QVERIFY(QFile::copy(file(u"ca.pem"_s), file(u"cadir/ca.pem"_s)));

        QVERIFY(m_plain.start());
        md::test::TestServer::TlsFiles tls;
        tls.certFile = file(u"server.pem"_s);
        tls.keyFile = file(u"server.key"_s);
        tls.trustCaFile = file(u"ca.pem"_s);
        QVERIFY(m_tls.startTls(tls));
        QCOMPARE(m_tls.url().scheme(), u"https"_s);
        tls.clientCaFile = file(u"ca.pem"_s);
        tls.clientCertFile = file(u"client-bundle.pem"_s);
        QVERIFY(m_mtls.startTls(tls));
        // The helpers' own requests go through TLS (and the client certificate) too.
        QVERIFY(m_mtls.resetStats());
        QVERIFY(m_tls.resetStats());

        // Failures must be quick and must not be retried for a minute: 1 ms backoff units.
        qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.001");
        qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0");
        qputenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "20");
        qputenv("MLFLOW_TRACKING_TOKEN", kToken);
        qunsetenv("MLFLOW_TRACKING_USERNAME");
        qunsetenv("MLFLOW_TRACKING_PASSWORD");
    }

    void cleanup() { setTlsEnvironment({}, {}, {}); }

    void cleanupTestCase()
    {
        for (const char *v : { "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER",
                 "MLFLOW_HTTP_REQUEST_TIMEOUT", "MLFLOW_TRACKING_TOKEN" })
            qunsetenv(v);
    }

    void readThroughTls_data()
    {
        QTest::addColumn<QString>("target"); // plain, tls or mtls
        QTest::addColumn<QString>("insecure"); // MLFLOW_TRACKING_INSECURE_TLS ("" = unset)
        QTest::addColumn<QString>("ca"); // MLFLOW_TRACKING_SERVER_CERT_PATH
        QTest::addColumn<QString>("client"); // MLFLOW_TRACKING_CLIENT_CERT_PATH
        QTest::addColumn<int>("category"); // -1: works
        QTest::addColumn<QStringList>("says"); // the message contains each of these

        const QString missing = u"/nonexistent/modeldesk-tls/ca.pem"_s;
        const int ok = -1;
        const int network = int(ErrorCategory::Network);
        const int badInput = int(ErrorCategory::BadInput);

        // (a) the CA that signed the server's certificate
        QTest::newRow("CA given") << u"tls"_s << u""_s << u"ca.pem"_s << u""_s << ok << QStringList();
        QTest::newRow("CA folder") << u"tls"_s << u""_s << u"cadir"_s << u""_s << ok << QStringList();
        // (b) neither the system's CAs nor an unrelated certificate vouch for the server
        const QStringList untrusted
            = { u"certificate"_s, u"not trusted"_s, u"MLFLOW_TRACKING_SERVER_CERT_PATH"_s };
        QTest::newRow("no CA") << u"tls"_s << u""_s << u""_s << u""_s << network << untrusted;
        QTest::newRow("unrelated CA") << u"tls"_s << u""_s << u"other.pem"_s << u""_s << network << untrusted;
        QTest::newRow("insecure=false, no CA") << u"tls"_s << u"false"_s << u""_s << u""_s << network << untrusted;
        // (c) the user turned the check off
        QTest::newRow("insecure, no CA") << u"tls"_s << u"true"_s << u""_s << u""_s << ok << QStringList();
        QTest::newRow("insecure=1, no CA") << u"tls"_s << u"1"_s << u""_s << u""_s << ok << QStringList();
        // (d) a server that requires a client certificate
        QTest::newRow("client cert required, none given")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u""_s << network
            << QStringList { u"client certificate"_s, u"MLFLOW_TRACKING_CLIENT_CERT_PATH"_s };
        QTest::newRow("client cert (cert, then key)")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u"client-bundle.pem"_s << ok << QStringList();
        QTest::newRow("client cert (key, then cert)")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u"key-first-bundle.pem"_s << ok << QStringList();
        QTest::newRow("client cert with an EC key")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u"client-ec-bundle.pem"_s << ok << QStringList();
        QTest::newRow("client cert from another CA")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u"other-bundle.pem"_s << network
            << QStringList { u"client certificate"_s };
        QTest::newRow("client cert without its key")
            << u"mtls"_s << u""_s << u"ca.pem"_s << u"client.pem"_s << badInput
            << QStringList { u"MLFLOW_TRACKING_CLIENT_CERT_PATH"_s, u"client.pem"_s, u"key"_s };
        QTest::newRow("client cert file missing")
            << u"mtls"_s << u""_s << u"ca.pem"_s << missing << badInput
            << QStringList { u"MLFLOW_TRACKING_CLIENT_CERT_PATH"_s, missing };
        // (e) a CA file that is not there
        QTest::newRow("CA file missing") << u"tls"_s << u""_s << missing << u""_s << badInput
                                         << QStringList { u"MLFLOW_TRACKING_SERVER_CERT_PATH"_s, missing };
        QTest::newRow("CA file without a certificate") << u"tls"_s << u""_s << u"client.key"_s << u""_s << badInput
                                                       << QStringList { u"client.key"_s };
        // (f) precedence (RestOptions.h): MLFLOW_TRACKING_INSECURE_TLS=true together with a CA path
        // is refused, as MLflow's client refuses it; the client certificate is presented either
        // way; TLS variables do not matter for http:// URLs.
        QTest::newRow("insecure and a CA path together")
            << u"tls"_s << u"true"_s << u"other.pem"_s << u""_s << badInput
            << QStringList{u"MLFLOW_TRACKING_INSECURE_TLS"_s, u"MLFLOW_TRACKING_SERVER_CERT_PATH"_s};
        QTest::newRow("insecure=false and a CA path") << u"tls"_s << u"false"_s << u"ca.pem"_s << u""_s << ok
                                                      << QStringList();
        QTest::newRow("insecure still presents the client cert")
            << u"mtls"_s << u"true"_s << u""_s << u"client-bundle.pem"_s << ok << QStringList();
        QTest::newRow("insecure does not replace the client cert")
            << u"mtls"_s << u"true"_s << u""_s << u""_s << network << QStringList { u"client certificate"_s };
        QTest::newRow("http ignores the TLS variables")
            << u"plain"_s << u""_s << missing << missing << ok << QStringList();
    }

    /// open() and a full read through md::createSource, and open() of the registry writer.
    void readThroughTls()
    {
        QFETCH(QString, target);
        QFETCH(QString, insecure);
        QFETCH(QString, ca);
        QFETCH(QString, client);
        QFETCH(int, category);
        QFETCH(QStringList, says);
        setTlsEnvironment(insecure, ca, client);
        const QString url = server(target).url().toString();
        QVERIFY(!url.isEmpty());

        auto source = md::createSource(url);
        QVERIFY2(source, qPrintable(source.ok() ? QString() : source.error().toString()));
        QCOMPARE((*source)->uri(), url);
        md::HttpClient::resetCounters();
        const md::Status opened = (*source)->open();
        const md::HttpClient::Counters openRequests = md::HttpClient::counters();
        auto writer = md::createRegistryWriter(url);
        QVERIFY2(writer, qPrintable(writer.ok() ? QString() : writer.error().toString()));
        const md::Status writerOpened = (*writer)->open();

        if (category < 0) {
            QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error().toString()));
            QVERIFY2(writerOpened, qPrintable(writerOpened.ok() ? QString() : writerOpened.error().toString()));
            CountingSink sink;
            const md::Status read = (*source)->readAll(sink, m_noCancel);
            QVERIFY2(read, qPrintable(read.ok() ? QString() : read.error().toString()));
            // MLflow's own numbers for tests/data/mlflow.db (tests/data/FIXTURES.md).
            QCOMPARE(sink.problems, 0);
            QCOMPARE(sink.experiments, 5);
            QCOMPARE(sink.runs, 209);
            QCOMPARE(sink.models, 3);
            QCOMPARE(sink.versions, 5);
            return;
        }

        QVERIFY2(!opened, "open() should have failed");
        const md::Error &e = opened.error();
        QVERIFY2(int(e.category) == category, qPrintable(describe(e)));
        QVERIFY2(e.where.startsWith(url), qPrintable(describe(e)));
        for (const QString &s : std::as_const(says))
            QVERIFY2(e.message.contains(s, Qt::CaseInsensitive), qPrintable(u"missing \""_s + s + u"\": "_s + describe(e)));
        if (category == int(ErrorCategory::Network))
            QVERIFY2(e.message.contains(url), qPrintable(describe(e)));
        QVERIFY2(!e.toString().contains(QString::fromLatin1(kToken)), qPrintable(describe(e)));
        QVERIFY2(!e.toString().contains(u"PRIVATE KEY"_s), qPrintable(describe(e)));
        // A certificate problem does not go away by trying again: no minute of retries.
        // (A bad TLS setting fails before any request: no attempt at all.)
        QCOMPARE(openRequests.retries, 0);
        QVERIFY2(openRequests.attempts <= 1, qPrintable(QString::number(openRequests.attempts)));
        QVERIFY2(!e.message.contains(u"attempts"_s), qPrintable(describe(e)));
        qInfo("%s", qPrintable(describe(e)));

        // The writer fails the same way, as does a full read.
        QVERIFY(!writerOpened);
        QVERIFY2(int(writerOpened.error().category) == category, qPrintable(describe(writerOpened.error())));
        CountingSink sink;
        const md::Status read = (*source)->readAll(sink, m_noCancel);
        QVERIFY(!read);
        QVERIFY2(int(read.error().category) == category, qPrintable(describe(read.error())));
        QCOMPARE(sink.runs, 0);
    }

    /// One registry write through HTTPS with a verified server and a client certificate, and one
    /// with the check turned off.
    void writeThroughTls_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("insecure");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<QString>("client");
        QTest::newRow("CA given") << u"tls"_s << u""_s << u"ca.pem"_s << u""_s;
        QTest::newRow("insecure") << u"tls"_s << u"true"_s << u""_s << u""_s;
        QTest::newRow("client cert") << u"mtls"_s << u""_s << u"ca.pem"_s << u"client-bundle.pem"_s;
    }
    void writeThroughTls()
    {
        QFETCH(QString, target);
        QFETCH(QString, insecure);
        QFETCH(QString, ca);
        QFETCH(QString, client);
        setTlsEnvironment(insecure, ca, client);
        const QString url = server(target).url().toString();
        const QString tag = u"tls."_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');

        QVERIFY(server(target).resetStats());
        auto writer = md::createRegistryWriter(url);
        QVERIFY2(writer, qPrintable(writer.ok() ? QString() : writer.error().toString()));
        const md::Status opened = (*writer)->open();
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error().toString()));
        const md::Status written = (*writer)->setVersionTag(u"car_price_model"_s, 4, tag, u"written over TLS"_s);
        QVERIFY2(written, qPrintable(written.ok() ? QString() : written.error().toString()));
        auto model = (*writer)->readModel(u"car_price_model"_s);
        QVERIFY2(model, qPrintable(model.ok() ? QString() : model.error().toString()));
        QCOMPARE(model->versions.size(), 4);
        QString value;
        for (const auto &t : std::as_const(model->versions[3].tags))
            if (t.key == tag)
                value = t.value;
        QCOMPARE(value, u"written over TLS"_s);
        QCOMPARE(server(target).stats().value(u"requests"_s).toObject().value(kSetTag).toInt(), 1);

        // Without the CA the same write is refused before anything is sent.
        if (target == u"tls"_s && insecure.isEmpty()) {
            setTlsEnvironment({}, {}, {});
            auto unverified = md::createRegistryWriter(url);
            QVERIFY(unverified);
            const md::Status refused
                = (*unverified)->setVersionTag(u"car_price_model"_s, 4, tag, u"must not arrive"_s);
            QVERIFY(!refused);
            QVERIFY2(refused.error().category == ErrorCategory::Network, qPrintable(describe(refused.error())));
            QCOMPARE(server(target).stats().value(u"requests"_s).toObject().value(kSetTag).toInt(), 1);
            setTlsEnvironment(insecure, ca, client);
            auto again = md::createRegistryWriter(url);
            QVERIFY(again);
            auto after = (*again)->readModel(u"car_price_model"_s);
            QVERIFY(after);
            for (const auto &t : std::as_const(after->versions[3].tags))
                if (t.key == tag)
                    QCOMPARE(t.value, u"written over TLS"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
