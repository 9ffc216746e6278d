package org.tandem.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.tandem.cooperation.ActivityKind;

/** A short list of activity kinds kept in one column as comma-separated names; empty is stored as null. */
@Converter
class ActivityKindsConverter implements AttributeConverter<List<ActivityKind>, String> {

    @Override
    public String convertToDatabaseColumn(List<ActivityKind> kinds) {
        return kinds == null || kinds.isEmpty() ? null
                : kinds.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public List<ActivityKind> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? null
                : Arrays.stream(column.split(",")).map(String::trim).map(ActivityKind::valueOf).toList();
    }
}
