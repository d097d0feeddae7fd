// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// One value in a `[features]` list, read the way cargo reads it (FeatureValue::new): the
// three spellings mean different things to the resolver, so they are told apart once here
// rather than by string tests scattered over the validator and the closure.
struct FeatureValue
{
    enum class Type {
        Feature,    // "std": another feature of the same package
        Dep,        // "dep:serde": turns on an optional dependency, without a feature of that name
        DepFeature, // "serde/derive" or "serde?/derive": a feature of a dependency
    };

    Type type = Type::Feature;
    QString name;       // the feature (Feature) or the dependency as named in Cargo.toml
    QString depFeature; // DepFeature only: the feature asked of the dependency
    bool weak = false;  // DepFeature only: "x?/f" leaves x off unless something else enables it

    // The same reading without copying: the views point into the text parsed.
    struct View
    {
        Type type = Type::Feature;
        QStringView name;
        QStringView depFeature;
        bool weak = false;
    };
    static View parseView(QStringView text);
    static FeatureValue parse(QStringView text);

    QString toString() const;

    friend bool operator==(const FeatureValue &, const FeatureValue &) = default;
};
