#include "contract.h"

#include "text/text.h"

#include "json.h"

#include <algorithm>

namespace moescope::model {

namespace {

using json::Value;

// Reads one contract field after another, stopping at the first broken rule.
class Reader
{
public:
    std::string error;

    bool ok() const { return error.empty(); }

    bool fail(const std::string &why)
    {
        if (error.empty())
            error = why;
        return false;
    }

    bool requireString(const Value &obj, const std::string &key, const std::string &where,
                       std::string *out)
    {
        const Value &v = obj[key];
        if (v.isNull())
            return fail(text::modelText("moescope::model::Contract", "%1 has no \"%2\"")
                            .arg(where)
                            .arg(key));
        if (!v.isString() || v.string.empty())
            return fail(
                text::modelText("moescope::model::Contract", "%1 \"%2\" must be a non-empty string")
                    .arg(where)
                    .arg(key));
        *out = v.string;
        return true;
    }

    void optionalString(const Value &obj, const std::string &key, std::string *out)
    {
        if (obj[key].isString())
            *out = obj[key].string;
    }

    bool requireInt(const Value &obj, const std::string &key, const std::string &where, int *out,
                    int minimum, int maximum)
    {
        const Value &v = obj[key];
        if (v.isNull())
            return fail(text::modelText("moescope::model::Contract", "%1 has no \"%2\"")
                            .arg(where)
                            .arg(key));
        if (!v.isInteger() || v.number < minimum || v.number > maximum)
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 \"%2\" must be an integer from %3 to %4")
                            .arg(where)
                            .arg(key)
                            .arg(std::to_string(minimum))
                            .arg(std::to_string(maximum)));
        *out = int(v.number);
        return true;
    }

    // [rows, cols] of integers from 1 to kMaxGridSide.
    bool gridPair(const Value &g, const std::string &where, const std::string &key, int *rows,
                  int *cols)
    {
        auto side = [](const Value &x) {
            return x.isInteger() && x.number >= 1 && x.number <= kMaxGridSide;
        };
        if (!g.isArray() || g.array.size() != 2 || !side(g.array[0]) || !side(g.array[1]))
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 \"%2\" must be [rows, cols] of integers from 1 to %3")
                            .arg(where)
                            .arg(key)
                            .arg(std::to_string(kMaxGridSide)));
        *rows = int(g.array[0].number);
        *cols = int(g.array[1].number);
        return true;
    }

    bool stringList(const Value &v, const std::string &where, std::vector<std::string> *out)
    {
        if (v.isNull())
            return true;
        if (!v.isArray())
            return fail(text::modelText("moescope::model::Contract", "%1 must be a list of strings")
                            .arg(where));
        for (const Value &item : v.array) {
            if (!item.isString())
                return fail(
                    text::modelText("moescope::model::Contract", "%1 must be a list of strings")
                        .arg(where));
            out->push_back(item.string);
        }
        return true;
    }

    bool floatList(const Value &v, const std::string &where, std::vector<float> *out)
    {
        if (!v.isArray())
            return fail(text::modelText("moescope::model::Contract", "%1 must be a list of numbers")
                            .arg(where));
        for (const Value &item : v.array) {
            if (!item.isNumber())
                return fail(
                    text::modelText("moescope::model::Contract", "%1 must be a list of numbers")
                        .arg(where));
            out->push_back(float(item.number));
        }
        return true;
    }

    bool readSar(const Value &v, const std::string &at, InputSpec::SarInput *sar)
    {
        const std::string where = at + " \"sar\"";
        if (!v.isObject())
            return fail(
                text::modelText("moescope::model::Contract", "%1 must be an object").arg(where));
        if (!requireString(v, "quantity", where, &sar->quantity))
            return false;
        if (sar->quantity != "amplitude" && sar->quantity != "intensity" && sar->quantity != "db")
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 \"quantity\" is amplitude, intensity or db, not \"%2\"")
                            .arg(where)
                            .arg(sar->quantity));
        auto pair = [&](const char *key, float *a, float *b, bool required) {
            if (!v.has(key))
                return !required ||
                       fail(text::modelText("moescope::model::Contract", "%1 needs \"%2\"")
                                .arg(where)
                                .arg(key));
            const Value &p = v[key];
            if (!p.isArray() || p.array.size() != 2 || !p.array[0].isNumber() ||
                !p.array[1].isNumber() || !(p.array[1].number > p.array[0].number))
                return fail(text::modelText("moescope::model::Contract",
                                            "%1 \"%2\" must be [low, high] with low < high")
                                .arg(where)
                                .arg(key));
            *a = float(p.array[0].number);
            *b = float(p.array[1].number);
            return true;
        };
        if (!pair("range", &sar->low, &sar->high, true) ||
            !pair("looks", &sar->looksMin, &sar->looksMax, false))
            return false;
        if (v.has("filter")) {
            if (!v["filter"].isString())
                return fail(
                    text::modelText("moescope::model::Contract", "%1 \"filter\" must be a string")
                        .arg(where));
            sar->filter = v["filter"].string;
        }
        if (v.has("bands") && !stringList(v["bands"], where + " \"bands\"", &sar->bands))
            return false;
        return true;
    }

    bool readInput(const Value &v, size_t index, InputSpec *in)
    {
        const std::string where =
            text::modelText("moescope::model::Contract", "inputs[%1]").arg(std::to_string(index));
        if (!v.isObject())
            return fail(
                text::modelText("moescope::model::Contract", "%1 must be an object").arg(where));
        std::string kind;
        if (!requireString(v, "name", where, &in->name) || !requireString(v, "kind", where, &kind))
            return false;
        const std::string at =
            text::modelText("moescope::model::Contract", "input \"%1\"").arg(in->name);
        if (kind == "image") {
            in->kind = InputKind::Image;
            if (!requireInt(v, "channels", at, &in->channels, 1, kMaxChannels) ||
                !requireInt(v, "height", at, &in->height, 1, kMaxInputSide) ||
                !requireInt(v, "width", at, &in->width, 1, kMaxInputSide))
                return false;
            // 64-bit: each factor is bounded, their product is checked too.
            if (int64_t(in->channels) * in->height * in->width > kMaxInputValues)
                return fail(text::modelText("moescope::model::Contract",
                                            "%1 is %2 x %3 x %4 values, more than %5 per image")
                                .arg(at)
                                .arg(std::to_string(in->channels))
                                .arg(std::to_string(in->height))
                                .arg(std::to_string(in->width))
                                .arg(std::to_string(kMaxInputValues)));
            if (v.has("mean") && !floatList(v["mean"], at + " \"mean\"", &in->mean))
                return false;
            if (v.has("std") && !floatList(v["std"], at + " \"std\"", &in->std))
                return false;
            if (in->mean.empty())
                in->mean.assign(size_t(in->channels), 0.0f);
            if (in->std.empty())
                in->std.assign(size_t(in->channels), 1.0f);
            if (in->mean.size() != size_t(in->channels) || in->std.size() != size_t(in->channels))
                return fail(
                    text::modelText("moescope::model::Contract",
                                    "%1 \"mean\" and \"std\" must have one value per channel (%2)")
                        .arg(at)
                        .arg(std::to_string(in->channels)));
            for (float s : in->std) {
                if (!(s > 0))
                    return fail(text::modelText("moescope::model::Contract",
                                                "%1 \"std\" values must be > 0")
                                    .arg(at));
            }
            if (v.has("windows")) {
                const Value &w = v["windows"];
                if (!w.isArray() || w.array.size() != size_t(in->channels))
                    return fail(text::modelText(
                                    "moescope::model::Contract",
                                    "%1 \"windows\" must list one [center, width] per channel (%2)")
                                    .arg(at)
                                    .arg(std::to_string(in->channels)));
                for (const Value &pair : w.array) {
                    if (!pair.isArray() || pair.array.size() != 2 || !pair.array[0].isNumber() ||
                        !pair.array[1].isNumber() || !(pair.array[1].number > 0))
                        return fail(
                            text::modelText(
                                "moescope::model::Contract",
                                "%1 \"windows\" entries must be [center, width] with width > 0")
                                .arg(at));
                    in->windows.push_back(
                        {float(pair.array[0].number), float(pair.array[1].number)});
                }
            }
            if (v.has("sar") && !readSar(v["sar"], at, &in->sar))
                return false;
        } else if (kind == "index") {
            in->kind = InputKind::Index;
            if (!stringList(v["choices"], at + " \"choices\"", &in->choices))
                return false;
            if (in->choices.empty())
                return fail(text::modelText("moescope::model::Contract",
                                            "%1 of kind index needs a non-empty \"choices\" list")
                                .arg(at));
        } else if (kind == "vector") {
            in->kind = InputKind::Vector;
            if (!requireInt(v, "size", at, &in->size, 1, int(kMaxInputValues)) ||
                !stringList(v["names"], at + " \"names\"", &in->names))
                return false;
        } else if (kind == "expert_mask") {
            in->kind = InputKind::ExpertMask;
        } else {
            return fail(
                text::modelText(
                    "moescope::model::Contract",
                    "%1 has unknown kind \"%2\" (expected image, index, vector or expert_mask)")
                    .arg(at)
                    .arg(kind));
        }
        return true;
    }

    bool readOutput(const std::string &name, const Value &v, OutputSpec *out)
    {
        const std::string at =
            text::modelText("moescope::model::Contract", "output \"%1\"").arg(name);
        out->name = name;
        if (!v.isObject())
            return fail(
                text::modelText("moescope::model::Contract", "%1 must be an object").arg(at));
        if (!requireString(v, "kind", at, &out->kindText))
            return false;
        const std::string &k = out->kindText;
        out->kind = k == "classes"        ? OutputKind::Classes
                    : k == "segmentation" ? OutputKind::Segmentation
                    : k == "embedding"    ? OutputKind::Embedding
                    : k == "box"          ? OutputKind::Box
                                          : OutputKind::Other;
        if (!stringList(v["labels"], at + " \"labels\"", &out->labels))
            return false;
        // A per-image vector (kind "physics") names its values "names".
        if (out->labels.empty() && !stringList(v["names"], at + " \"names\"", &out->labels))
            return false;
        if ((out->kind == OutputKind::Classes || out->kind == OutputKind::Segmentation) &&
            out->labels.empty())
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 of kind %2 needs a non-empty \"labels\" list")
                            .arg(at)
                            .arg(k));
        out->format = "cxcywh";
        optionalString(v, "format", &out->format);
        optionalString(v, "task_choice", &out->taskChoice);
        optionalString(v, "input", &out->input);
        // Optional [rows, cols] pairs of positive integers: the grid of a
        // spatial output and, for per-window outputs, each window's size and
        // stride in input pixels.
        auto pair = [&](const char *key, int *rows, int *cols) {
            return !v.has(key) || gridPair(v[key], at, key, rows, cols);
        };
        if (!pair("grid", &out->gridRows, &out->gridCols) ||
            !pair("window", &out->windowRows, &out->windowCols) ||
            !pair("stride", &out->strideRows, &out->strideCols))
            return false;
        if (name.rfind("router.", 0) == 0 || name.rfind("dispatch.", 0) == 0)
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 uses a name reserved for routing tensors")
                            .arg(at));
        return true;
    }

    bool readLayer(const Value &v, size_t index, const ModelContract &c, MoeLayerSpec *layer)
    {
        const std::string where = text::modelText("moescope::model::Contract", "moe_layers[%1]")
                                      .arg(std::to_string(index));
        if (!v.isObject())
            return fail(
                text::modelText("moescope::model::Contract", "%1 must be an object").arg(where));
        if (!requireString(v, "name", where, &layer->name) ||
            !requireInt(v, "experts", where, &layer->experts, 1, kMaxExperts) ||
            !requireInt(v, "top_k", where, &layer->topK, 0, kMaxExperts))
            return false;
        optionalString(v, "router", &layer->router);
        if (!stringList(v["expert_names"], where + " \"expert_names\"", &layer->expertNames))
            return false;
        if (!layer->expertNames.empty() && layer->expertNames.size() != size_t(layer->experts))
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 \"expert_names\" has %2 names for %3 experts")
                            .arg(where)
                            .arg(std::to_string(layer->expertNames.size()))
                            .arg(std::to_string(layer->experts)));
        if (layer->topK > layer->experts)
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 \"top_k\" is larger than \"experts\"")
                            .arg(where));
        const Value &tokens = v["tokens"];
        if (tokens.isNull())
            return fail(text::modelText("moescope::model::Contract",
                                        "%1 has no \"tokens\" (use [] for a per-image decision)")
                            .arg(where));
        if (!tokens.isArray())
            return fail(text::modelText("moescope::model::Contract", "%1 \"tokens\" must be a list")
                            .arg(where));
        for (size_t i = 0; i < tokens.array.size(); ++i) {
            const Value &t = tokens.array[i];
            const std::string at = text::modelText("moescope::model::Contract", "%1 tokens[%2]")
                                       .arg(where)
                                       .arg(std::to_string(i));
            routing::TokenGrid grid;
            if (!requireString(t, "input", at, &grid.input) ||
                !requireInt(t, "offset", at, &grid.offset, 0, kMaxTokens) ||
                !gridPair(t["grid"], at, "grid", &grid.rows, &grid.cols))
                return false;
            // The last token must exist in a tensor of at most kMaxTokens rows;
            // checked in 64 bits, so no grid or offset can wrap an int later.
            if (int64_t(grid.offset) + int64_t(grid.rows) * grid.cols > kMaxTokens)
                return fail(text::modelText("moescope::model::Contract", "%1 reaches past token %2")
                                .arg(at)
                                .arg(std::to_string(kMaxTokens)));
            const InputSpec *in = c.input(grid.input);
            if (!in || in->kind != InputKind::Image)
                return fail(text::modelText("moescope::model::Contract",
                                            "%1 refers to \"%2\", which is not an image input")
                                .arg(at)
                                .arg(grid.input));
            layer->tokens.push_back(grid);
        }
        return true;
    }
};

} // namespace

const InputSpec *ModelContract::input(const std::string &inputName) const
{
    for (const InputSpec &in : inputs) {
        if (in.name == inputName)
            return &in;
    }
    return nullptr;
}

const OutputSpec *ModelContract::output(const std::string &outputName) const
{
    for (const OutputSpec &out : outputs) {
        if (out.name == outputName)
            return &out;
    }
    return nullptr;
}

bool ModelContract::hasChoice(const std::string &choice) const
{
    return std::any_of(inputs.begin(), inputs.end(), [&](const InputSpec &in) {
        return in.kind == InputKind::Index &&
               std::find(in.choices.begin(), in.choices.end(), choice) != in.choices.end();
    });
}

const InputSpec *ModelContract::taskInput() const
{
    for (const InputSpec &in : inputs) {
        if (in.kind == InputKind::Index)
            return &in;
    }
    return nullptr;
}

bool ModelContract::takesExpertMask() const
{
    return std::any_of(inputs.begin(), inputs.end(),
                       [](const InputSpec &in) { return in.kind == InputKind::ExpertMask; });
}

int ModelContract::maxExperts() const
{
    int m = 0;
    for (const MoeLayerSpec &layer : moeLayers)
        m = std::max(m, layer.experts);
    return m;
}

namespace {

bool parseContractUnguarded(const std::string &text, ModelContract *out, std::string *error)
{
    *out = ModelContract();
    out->json = text;
    Value root;
    std::string parseError;
    if (!json::parse(text, &root, &parseError)) {
        *error = text::modelText("moescope::model::Contract", "moescope.json is not valid JSON: %1")
                     .arg(parseError);
        return false;
    }
    Reader r;
    if (!root.isObject()) {
        *error =
            text::modelText("moescope::model::Contract", "moescope.json must hold a JSON object");
        return false;
    }
    if (r.requireInt(root, "schema", "moescope.json", &out->schema, 1, 1000) &&
        out->schema != ModelContract::kSchemaVersion)
        r.fail(text::modelText("moescope::model::Contract",
                               "moescope.json has schema %1; this MoEScope reads schema %2")
                   .arg(std::to_string(out->schema))
                   .arg(std::to_string(ModelContract::kSchemaVersion)));
    r.ok() && r.requireString(root, "name", "moescope.json", &out->name);
    r.ok() && r.requireString(root, "task", "moescope.json", &out->task);
    r.optionalString(root, "title", &out->title);
    r.optionalString(root, "description", &out->description);
    r.optionalString(root, "license", &out->license);
    r.optionalString(root, "reference", &out->reference);
    if (const Value &flops = root["flops_per_image"]; !flops.isNull()) {
        if (!flops.isNumber() || !(flops.number > 0) || flops.number > 1e18)
            r.fail(text::modelText("moescope::model::Contract",
                                   "moescope.json \"flops_per_image\" must be a number > 0"));
        else
            out->flopsPerImage = flops.number;
    }

    if (r.ok()) {
        const Value &inputs = root["inputs"];
        if (!inputs.isArray() || inputs.array.empty()) {
            r.fail(inputs.isNull()
                       ? text::modelText("moescope::model::Contract",
                                         "moescope.json has no \"inputs\"")
                       : text::modelText("moescope::model::Contract",
                                         "moescope.json \"inputs\" must be a non-empty list"));
        } else {
            for (size_t i = 0; i < inputs.array.size() && r.ok(); ++i) {
                InputSpec in;
                if (r.readInput(inputs.array[i], i, &in)) {
                    if (out->input(in.name))
                        r.fail(text::modelText("moescope::model::Contract",
                                               "input \"%1\" is listed twice")
                                   .arg(in.name));
                    out->inputs.push_back(in);
                }
            }
        }
    }
    if (r.ok() && std::none_of(out->inputs.begin(), out->inputs.end(),
                               [](const InputSpec &in) { return in.kind == InputKind::Image; }))
        r.fail(text::modelText("moescope::model::Contract",
                               "moescope.json \"inputs\" has no input of kind image"));

    if (r.ok()) {
        const Value &outputs = root["outputs"];
        if (!outputs.isObject() || outputs.object.empty()) {
            r.fail(outputs.isNull()
                       ? text::modelText("moescope::model::Contract",
                                         "moescope.json has no \"outputs\"")
                       : text::modelText("moescope::model::Contract",
                                         "moescope.json \"outputs\" must be a non-empty object"));
        } else {
            for (const auto &[name, spec] : outputs.object) {
                OutputSpec o;
                if (!r.readOutput(name, spec, &o))
                    break;
                if (!o.taskChoice.empty() && !out->hasChoice(o.taskChoice)) {
                    r.fail(text::modelText("moescope::model::Contract",
                                           "output \"%1\" \"task_choice\" \"%2\" is not a choice "
                                           "of any index input")
                               .arg(name)
                               .arg(o.taskChoice));
                    break;
                }
                if (!o.input.empty()) {
                    const InputSpec *in = out->input(o.input);
                    if (!in || in->kind != InputKind::Image) {
                        r.fail(text::modelText(
                                   "moescope::model::Contract",
                                   "output \"%1\" refers to \"%2\", which is not an image input")
                                   .arg(name)
                                   .arg(o.input));
                        break;
                    }
                }
                out->outputs.push_back(o);
            }
        }
    }

    if (r.ok()) {
        const Value &layers = root["moe_layers"];
        if (!layers.isArray() || layers.array.empty()) {
            r.fail(layers.isNull()
                       ? text::modelText("moescope::model::Contract",
                                         "moescope.json has no \"moe_layers\"")
                       : text::modelText("moescope::model::Contract",
                                         "moescope.json \"moe_layers\" must be a non-empty list"));
        } else {
            for (size_t i = 0; i < layers.array.size() && r.ok(); ++i) {
                MoeLayerSpec layer;
                if (r.readLayer(layers.array[i], i, *out, &layer))
                    out->moeLayers.push_back(layer);
            }
        }
    }
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    return true;
}

} // namespace

bool parseContract(const std::string &text, ModelContract *out, std::string *error)
{
    // Every size is bounded before use, but a contract is hostile input: no
    // exception (a bad_alloc, a length_error) may reach a caller listing models.
    try {
        return parseContractUnguarded(text, out, error);
    } catch (const std::exception &e) {
        *out = ModelContract();
        *error = text::modelText("moescope::model::Contract", "moescope.json cannot be read: %1")
                     .arg(e.what());
        return false;
    }
}

std::string toString(InputKind kind)
{
    switch (kind) {
    case InputKind::Image:
        return "image";
    case InputKind::Index:
        return "index";
    case InputKind::Vector:
        return "vector";
    case InputKind::ExpertMask:
        return "expert_mask";
    }
    return "unknown";
}

std::string toString(OutputKind kind)
{
    switch (kind) {
    case OutputKind::Classes:
        return "classes";
    case OutputKind::Segmentation:
        return "segmentation";
    case OutputKind::Embedding:
        return "embedding";
    case OutputKind::Box:
        return "box";
    case OutputKind::Other:
        return "other";
    }
    return "other";
}

} // namespace moescope::model
