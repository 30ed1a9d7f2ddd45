// SPDX-License-Identifier: GPL-3.0-or-later
// MLflow's model files: MLmodel (flavors, signature), requirements.txt, conda.yaml, python_env.yaml.
#include "sources/ArtifactStoreSupport.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace md {

using artifacts::cancelled;
using artifacts::Tr;

namespace {

// ---- Parsing ----

QString scalar(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return {};
    const YAML::Node n = map[key];
    if (!n.IsDefined() || !n.IsScalar())
        return {};
    return QString::fromStdString(n.Scalar());
}

Result<YAML::Node> loadYaml(const QByteArray &yaml, const QString &where)
{
    try {
        YAML::Node node = YAML::Load(yaml.toStdString());
        if (!node.IsMap())
            return makeError(ErrorCategory::BadInput, Tr::tr("the file is empty or not a YAML mapping"), where);
        return node;
    } catch (const YAML::Exception &e) {
        const QString at = e.mark.is_null() ? where : where + u':' + QString::number(e.mark.line + 1);
        return makeError(ErrorCategory::BadInput, Tr::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)), at);
    }
}

/// PEP 503: lower case, runs of "-", "_", "." become one "-".
QString normalisePipName(const QString &name)
{
    static const QRegularExpression runs(u"[-_.]+"_s);
    return name.toLower().replace(runs, u"-"_s);
}

/// One pip requirement ("scikit-learn==1.2.1", "numpy>=1.0; python_version<'3.12'",
/// "pkg @ https://…"), or an option line.
Dependency pipDependency(const QString &entry, const QString &fileName)
{
    static const QRegularExpression req(u"^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$"_s);
    Dependency d;
    d.file = fileName;
    d.line = entry;
    const QRegularExpressionMatch m = req.match(entry);
    if (entry.startsWith(u'-') || !m.hasMatch()) {
        d.kind = u"option"_s;
        d.name = entry;
        return d;
    }
    d.kind = u"pip"_s;
    d.name = normalisePipName(m.captured(1));
    d.spec = QString(m.captured(2) + u' ' + m.captured(3)).trimmed();
    return d;
}

/// A conda package ("python=3.11.2", "pip<=23.0", "conda-forge::numpy=1.24").
Dependency condaDependency(const QString &entry, const QString &fileName)
{
    static const QRegularExpression pkg(u"^(?:[^:\\s]+::)?([A-Za-z0-9_.-]+)\\s*(.*)$"_s);
    Dependency d;
    d.file = fileName;
    d.line = entry;
    const QRegularExpressionMatch m = pkg.match(entry);
    d.name = m.hasMatch() ? m.captured(1) : entry;
    d.spec = m.hasMatch() ? m.captured(2).trimmed() : QString();
    d.kind = d.name.compare("python"_L1, Qt::CaseInsensitive) == 0 ? u"python"_s : u"conda"_s;
    if (d.kind == "python"_L1)
        d.name = u"python"_s;
    return d;
}

QStringList stringList(const YAML::Node &seq)
{
    QStringList out;
    if (!seq.IsSequence())
        return out;
    for (const YAML::Node &n : seq)
        if (n.IsScalar())
            out.append(QString::fromStdString(n.Scalar()).trimmed());
    return out;
}

QString dirOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString joinPath(const QString &dir, const QString &name)
{
    return dir.isEmpty() ? name : dir + u'/' + name;
}

} // namespace

// ---- Parsers ----

/// MLflow's type of one column, tensor or parameter spec, as a reader says it.
QString specType(const json &spec)
{
    if (!spec.is_object())
        return spec.is_string() ? QString::fromStdString(spec.get<std::string>()) : QString();
    const auto type = spec.find("type");
    const QString name = type != spec.end() && type->is_string() ? QString::fromStdString(type->get<std::string>()) : QString();
    if (name == "tensor"_L1) {
        const auto ts = spec.find("tensor-spec");
        QString dtype;
        QStringList dims;
        if (ts != spec.end() && ts->is_object()) {
            if (const auto d = ts->find("dtype"); d != ts->end() && d->is_string())
                dtype = QString::fromStdString(d->get<std::string>());
            if (const auto shape = ts->find("shape"); shape != ts->end() && shape->is_array())
                for (const json &n : *shape)
                    dims.append(n.is_number_integer() ? QString::number(n.get<qint64>()) : QString::fromStdString(n.dump()));
        }
        QString text = dtype.isEmpty() ? u"tensor"_s : u"tensor "_s + dtype;
        return dims.isEmpty() ? text : text + u" ("_s + dims.join(u", "_s) + u')';
    }
    if (name == "array"_L1)
        if (const auto items = spec.find("items"); items != spec.end())
            return u"array<"_s + specType(*items) + u'>';
    if (name == "map"_L1)
        if (const auto values = spec.find("values"); values != spec.end())
            return u"map<string, "_s + specType(*values) + u'>';
    if (name == "object"_L1)
        if (const auto props = spec.find("properties"); props != spec.end() && props->is_object()) {
            QStringList fields;
            for (auto it = props->begin(); it != props->end(); ++it)
                fields.append(QString::fromStdString(it.key()) + u": "_s + specType(it.value()));
            return u"object{"_s + fields.join(u", "_s) + u'}';
        }
    return name;
}

/// One of the signature's JSON strings (inputs, outputs or params): a list of specs.
Result<QList<SignatureField>> parseSignatureList(const std::string &text, bool params)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_null())
        return QList<SignatureField>{};
    if (j.is_discarded() || !j.is_array())
        return makeError(ErrorCategory::BadInput, Tr::tr("not MLflow's JSON list of column or tensor specs"), QString());
    QList<SignatureField> out;
    for (const json &spec : j) {
        SignatureField f;
        f.type = specType(spec);
        if (spec.is_object()) {
            if (const auto n = spec.find("name"); n != spec.end() && n->is_string())
                f.name = QString::fromStdString(n->get<std::string>());
            if (const auto r = spec.find("required"); r != spec.end() && r->is_boolean())
                f.required = r->get<bool>();
            if (params) {
                if (const auto d = spec.find("default"); d != spec.end() && !d->is_null())
                    f.defaultValue = QString::fromStdString(d->dump());
                if (const auto shape = spec.find("shape"); shape != spec.end() && shape->is_array() && !shape->empty()) {
                    QStringList dims;
                    for (const json &n : *shape)
                        dims.append(QString::fromStdString(n.dump()));
                    f.type += u" ("_s + dims.join(u", "_s) + u')';
                }
            }
        }
        out.append(f);
    }
    return out;
}

/// MLmodel's `signature:` mapping, whose inputs, outputs and params are JSON strings.
void parseSignature(const YAML::Node &node, MlModelInfo &info)
{
    if (!node.IsDefined() || !node.IsMap())
        return;
    ModelSignature sig;
    QStringList problems;
    const std::pair<const char *, QList<SignatureField> *> parts[] = {
        {"inputs", &sig.inputs}, {"outputs", &sig.outputs}, {"params", &sig.params}};
    for (const auto &[key, list] : parts) {
        const YAML::Node part = node[key];
        if (!part.IsDefined() || part.IsNull())
            continue;
        if (!part.IsScalar()) {
            problems.append(Tr::tr("%1: not a JSON string").arg(QLatin1String(key)));
            continue;
        }
        auto fields = parseSignatureList(part.Scalar(), list == &sig.params);
        if (fields)
            *list = *fields;
        else
            problems.append(Tr::tr("%1: %2").arg(QLatin1String(key), fields.error().message));
    }
    info.signature = sig;
    info.signatureProblem = problems.join(u"; "_s);
}

Result<MlModelInfo> parseMlModel(const QByteArray &yaml, const QString &where)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    const YAML::Node &m = *root;
    MlModelInfo info;
    info.mlflowVersion = scalar(m, "mlflow_version");
    info.created = scalar(m, "utc_time_created");
    info.modelUuid = scalar(m, "model_uuid");
    info.runId = scalar(m, "run_id");
    info.artifactPath = scalar(m, "artifact_path");
    const YAML::Node flavors = m["flavors"];
    if (!flavors.IsDefined() || !flavors.IsMap())
        return makeError(ErrorCategory::BadInput, Tr::tr("the MLmodel file names no flavors"), where);
    for (auto it = flavors.begin(); it != flavors.end(); ++it) {
        const QString flavor = QString::fromStdString(it->first.Scalar());
        info.flavors.append(flavor);
        const YAML::Node f = it->second;
        if (!f.IsMap())
            continue;
        if (flavor == "python_function"_L1) {
            info.loaderModule = scalar(f, "loader_module");
            info.pythonVersion = scalar(f, "python_version");
            // f is const: a missing key gives an invalid node that throws on anything but IsDefined().
            const YAML::Node env = f["env"];
            if (env.IsDefined() && env.IsScalar())
                info.environmentFiles.append(QString::fromStdString(env.Scalar()));
            else if (env.IsDefined() && env.IsMap())
                for (auto e = env.begin(); e != env.end(); ++e)
                    if (e->second.IsScalar())
                        info.environmentFiles.append(QString::fromStdString(e->second.Scalar()));
        }
        for (auto field = f.begin(); field != f.end(); ++field) {
            const QString key = QString::fromStdString(field->first.Scalar());
            if (key.endsWith("_version"_L1) && key != "python_version"_L1 && field->second.IsScalar())
                info.libraryVersions.append({flavor + u'.' + key, QString::fromStdString(field->second.Scalar())});
        }
    }
    parseSignature(m["signature"], info);
    return info;
}

QList<Dependency> parseRequirements(const QByteArray &text, const QString &fileName)
{
    QList<Dependency> out;
    QString pending;
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (QString line : lines) {
        line.remove(u'\r');
        // A comment starts at "#" at the line's start or after whitespace (pip's rule).
        static const QRegularExpression comment(u"(^|\\s)#.*$"_s);
        line.remove(comment);
        if (line.endsWith(u'\\')) {
            line.chop(1);
            pending += line;
            continue;
        }
        const QString entry = QString(pending + line).trimmed();
        pending.clear();
        if (!entry.isEmpty())
            out.append(pipDependency(entry, fileName));
    }
    if (!pending.trimmed().isEmpty())
        out.append(pipDependency(pending.trimmed(), fileName));
    return out;
}

Result<QList<Dependency>> parseCondaYaml(const QByteArray &yaml, const QString &where, const QString &fileName)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    QList<Dependency> out;
    const YAML::Node deps = (*root)["dependencies"];
    if (!deps.IsSequence())
        return out;
    for (const YAML::Node &n : deps) {
        if (n.IsScalar()) {
            const QString entry = QString::fromStdString(n.Scalar()).trimmed();
            if (!entry.isEmpty())
                out.append(condaDependency(entry, fileName));
        } else if (n.IsMap() && n["pip"].IsDefined() && n["pip"].IsSequence()) {
            const QStringList pip = stringList(n["pip"]);
            for (const QString &entry : pip)
                if (!entry.isEmpty())
                    out.append(pipDependency(entry, fileName));
        }
    }
    return out;
}

Result<QList<Dependency>> parsePythonEnv(const QByteArray &yaml, const QString &where, const QString &fileName)
{
    auto root = loadYaml(yaml, where);
    if (!root)
        return root.error();
    QList<Dependency> out;
    const QString python = scalar(*root, "python");
    if (!python.isEmpty())
        out.append(Dependency{u"python"_s, u"python"_s, python, fileName, u"python: "_s + python});
    QStringList entries = stringList((*root)["build_dependencies"]);
    entries += stringList((*root)["dependencies"]);
    for (const QString &entry : std::as_const(entries))
        if (!entry.isEmpty())
            out.append(pipDependency(entry, fileName));
    return out;
}

Result<ModelArtifacts> loadModelArtifacts(ArtifactStore &store, const ArtifactLocation &location,
                                          const std::atomic_bool &cancel)
{
    ModelArtifacts out;
    out.root = store.resolvedRoot(location);
    auto files = store.list(location, cancel);
    if (!files)
        return files.error();
    out.files = *files;
    QSet<QString> paths;
    for (const ArtifactFile &f : std::as_const(out.files))
        paths.insert(f.path);

    const QString preferred = joinPath(location.modelPath, u"MLmodel"_s);
    if (paths.contains(preferred)) {
        out.mlmodelPath = preferred;
    } else {
        for (const ArtifactFile &f : std::as_const(out.files)) {
            if (f.path != "MLmodel"_L1 && !f.path.endsWith("/MLmodel"_L1))
                continue;
            if (out.mlmodelPath.isEmpty() || f.path.count(u'/') < out.mlmodelPath.count(u'/'))
                out.mlmodelPath = f.path;
        }
    }
    const QString modelDir = out.mlmodelPath.isEmpty() ? location.modelPath : dirOf(out.mlmodelPath);
    auto read = [&](const QString &path) -> std::optional<QByteArray> {
        auto bytes = store.readText(location, path, ArtifactStore::kDefaultTextLimit, cancel);
        if (!bytes) {
            out.problems.append(bytes.error());
            return std::nullopt;
        }
        return *bytes;
    };
    // Problems name the file as the user would find it: below the resolved root.
    auto whereOf = [&](const QString &path) { return joinPath(out.root, path); };

    if (!out.mlmodelPath.isEmpty()) {
        if (auto bytes = read(out.mlmodelPath)) {
            auto info = parseMlModel(*bytes, whereOf(out.mlmodelPath));
            if (info && !info->signatureProblem.isEmpty())
                out.problems.append(makeError(ErrorCategory::BadInput,
                                              Tr::tr("the signature cannot be read (%1)").arg(info->signatureProblem),
                                              whereOf(out.mlmodelPath)));
            if (info)
                out.mlmodel = *info;
            else
                out.problems.append(info.error());
        }
    }
    if (cancel.load())
        return cancelled(out.root);

    const QString requirements = joinPath(modelDir, u"requirements.txt"_s);
    if (paths.contains(requirements))
        if (auto bytes = read(requirements))
            out.dependencies += parseRequirements(*bytes);
    const QString conda = joinPath(modelDir, u"conda.yaml"_s);
    if (paths.contains(conda)) {
        if (auto bytes = read(conda)) {
            auto deps = parseCondaYaml(*bytes, whereOf(conda));
            if (deps)
                out.dependencies += *deps;
            else
                out.problems.append(deps.error());
        }
    }
    const QString pyenv = joinPath(modelDir, u"python_env.yaml"_s);
    if (paths.contains(pyenv)) {
        if (auto bytes = read(pyenv)) {
            auto deps = parsePythonEnv(*bytes, whereOf(pyenv));
            if (deps)
                out.dependencies += *deps;
            else
                out.problems.append(deps.error());
        }
    }
    if (out.mlmodel) {
        // MLmodel names its environment files; one that is missing means the model cannot be
        // restored as logged, which a reviewer should know.
        for (const QString &name : std::as_const(out.mlmodel->environmentFiles)) {
            const QString path = joinPath(modelDir, name);
            if (!paths.contains(path))
                out.problems.append(makeError(ErrorCategory::NotFound,
                                              Tr::tr("MLmodel names %1, which is not among the artifacts").arg(name),
                                              whereOf(path)));
        }
    }
    if (cancel.load())
        return cancelled(out.root);
    return out;
}

} // namespace md
