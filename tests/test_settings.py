"""extra.handbook in mkdocs.yml: typed, with defaults in one place, and one clear line when wrong."""

from __future__ import annotations

import datetime

import pytest

from macros.settings import Settings, SettingsError, Site, read_settings


def test_defaults_apply_when_the_section_is_missing():
    assert read_settings(None) == Settings()
    assert Settings().review_months == 12 and Settings().data_dir == "data"


def test_the_real_config_is_valid(mkdocs_config):
    site = Site.from_config(mkdocs_config, mkdocs_config["docs_dir"] + "/..")
    assert site.settings.review_months >= 1


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ({"review_months": "twelve"}, "mkdocs.yml: extra.handbook.review_months: input should be a valid integer"),
        ({"review_month": 12}, "mkdocs.yml: extra.handbook.review_month: unknown setting"),
        ({"review_months": 0}, "mkdocs.yml: extra.handbook.review_months: input should be greater than or equal to 1"),
    ],
)
def test_a_wrong_setting_is_one_line(raw, line):
    with pytest.raises(SettingsError) as caught:
        read_settings(raw)
    assert str(caught.value).startswith(line)
    assert "(settings: data_dir, license, review_months)" in str(caught.value)


def test_review_due_date_follows_the_window():
    site = Site.from_config({"extra": {"handbook": {"review_months": 6}}}, ".")
    assert site.review_due_before(datetime.date(2026, 11, 30)) == datetime.date(2026, 5, 31)
