"""Attendance figures: real attendance (check-ins and joins), breakdowns, small groups hidden."""

import pytest

from convoca.registration import services
from convoca.registration.figures import Row, attendance_figures, suppress

from .conftest import details, geneva


def test_a_group_below_five_is_hidden_and_so_is_the_next_smallest():
    rows = [
        Row("woman", "Woman", 12, 7),
        Row("man", "Man", 9, 6),
        Row("non_binary", "Non-binary", 2, 1),
    ]
    assert suppress(rows) is True
    assert rows[2].registered is None
    assert rows[2].registered_hidden
    # Hiding only the two would let a reader compute it from the total: the smallest other goes too.
    assert rows[1].registered is None
    assert rows[0].registered == 12


def test_groups_of_five_or_more_are_shown():
    rows = [Row("woman", "Woman", 5, 5), Row("man", "Man", 6, 0)]
    assert suppress(rows) is False
    assert [r.registered for r in rows] == [5, 6]


@pytest.fixture
def attended_edition(form, people, make_session, secretariat):
    """12 in person (8 checked in) and 9 remote (6 joined, one of them twice) from 3 countries."""
    form.capacity = None
    form.save()
    hybrid = make_session("Hybrid", start=geneva(2022, 5, 31, 14, 0), room="popov")
    other = make_session("Virtual", start=geneva(2022, 6, 1, 10, 0), room="virtual-1")
    countries = ["KE", "BR", "FR"]
    genders = ["woman"] * 13 + ["man"] * 6 + ["non_binary"] * 2
    for n, user in enumerate(people(21)):
        attendance = "in_person" if n < 12 else "remote"
        registration = services.register(
            form=form,
            **details(user, attendance=attendance, country=countries[n % 3], gender=genders[n]),
        ).registration
        if attendance == "in_person" and n < 8:
            services.check_in(
                form=form, scanned=registration.code, by=secretariat, now=geneva(2022, 5, 30, 9, n)
            )
        if attendance == "remote" and n < 18:
            services.join_session(
                registration=registration, session=hybrid, now=geneva(2022, 5, 31, 14, 1)
            )
            if n == 12:
                services.join_session(
                    registration=registration, session=other, now=geneva(2022, 6, 1, 10, 0)
                )
    return form.edition


def test_attendance_counts_check_ins_and_joins(attended_edition, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        figures = attendance_figures(edition=attended_edition)
    assert (figures.registrations, figures.attendees) == (21, 14)
    assert (figures.in_person_registered, figures.in_person_attended) == (12, 8)
    assert (figures.remote_registered, figures.remote_attended) == (9, 6)
    assert figures.virtual_attendance == 7  # 6 people in one session, one of them in two
    assert figures.countries_registered == 3
    assert figures.countries_attended == 3
    assert [(d["day"].isoformat(), d["in_person"], d["remote"]) for d in figures.days] == [
        ("2022-05-30", 8, 0),
        ("2022-05-31", 0, 6),
        ("2022-06-01", 0, 1),
    ]
    assert [(s["session"].title, s["remote"]) for s in figures.sessions] == [
        ("Hybrid", 6),
        ("Virtual", 1),
    ]
    gender = {row.key: row for row in figures.breakdown("gender").rows}
    assert gender["woman"].registered == 13
    assert gender["non_binary"].registered is None
    assert gender["non_binary"].registered_hidden
    regions = {row.label: row.registered for row in figures.breakdown("region").rows}
    assert sum(regions.values()) == 21
    assert len(regions) == 3


def test_the_figures_page_shows_charts_tables_and_hides_small_groups(as_role, attended_edition):
    page = as_role("secretariat").get("/en/secretariat/editions/wsis-forum-2022/attendance/")
    content = page.content.decode()
    assert content.count("<svg") == 5  # one chart per breakdown, with its table beside it
    gender_table = content.split('data-testid="table-gender"')[1].split("</table>")[0]
    assert "fewer than 5" in gender_table
    assert "Non-binary" in gender_table
    assert "<td>13</td>" in gender_table


def test_the_figures_export_as_csv(as_role, attended_edition):
    response = as_role("secretariat").get("/en/secretariat/editions/wsis-forum-2022/attendance.csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[0] == "Breakdown,Group,Registered,Attended"
    assert "Cumulative virtual attendance,All,,7" in rows
    assert any(row.startswith("By gender (self-declared),Non-binary,fewer than 5") for row in rows)
