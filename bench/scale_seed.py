# ruff: noqa: S608 - SQL assembled from our own table and column names, values as params
"""Seed a migrated database holding the demo with a large site's worth of learner rows.

Run by bench/scale.py inside Django (DATABASE_URL names the database to fill). Every
table is filled by one set-based ``INSERT ... SELECT`` over ``generate_series`` on the
server, so 10,000,000 review logs cost no Python per row. Courses are the demo's
private-pilot course cloned (page, modules and lessons, rows copied in SQL with fresh
treebeard paths) rather than created through Wagtail, which would take hours.

The demo's learner@demo.test becomes the heavy learner (hundreds of enrollments, a
2,000-card deck of their own and a hundredth of all review logs); jordan.downwind@demo.test
stays light (one enrollment), so the same two people are measured on both databases.
"""

import time

from django.contrib.auth.hashers import make_password
from django.db import connection

HEAVY_EMAIL = "learner@demo.test"
LIGHT_EMAIL = "jordan.downwind@demo.test"
INSTRUCTOR_EMAIL = "instructor@demo.test"
TEMPLATE_COURSE_SLUG = "private-pilot-checkride-prep"
STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PRIOR = (
    '{"due": "2026-11-03T17:00:00+00:00", "reps": 4, "step": null, "state": 2, "lapses": 0,'
    ' "stability": 12.5, "difficulty": 5.1, "last_review": "2026-10-22T17:00:00+00:00",'
    ' "buried_until": null}'
)


class Plan:
    """Row targets for a scale factor (1.0 = the issue's 100k learners, 10M logs)."""

    def __init__(self, scale):
        self.learners = max(100, int(100_000 * scale))
        self.courses = max(20, int(2_000 * scale))
        self.review_logs = max(10_000, int(10_000_000 * scale))
        self.heavy_logs = max(1_000, int(100_000 * scale))
        self.heavy_enrollments = min(self.courses, 200)
        self.heavy_cards = 2_000
        self.gouge_reports = max(100, int(50_000 * scale))


def run(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or {})
        return cursor.rowcount


def one(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or {})
        return cursor.fetchone()[0]


class Seeder:
    def __init__(self, scale, out=print):
        self.plan = Plan(scale)
        self.out = out
        self.counts = {}
        self.started = time.perf_counter()

    def step(self, label, table, sql, params=None):
        start = time.perf_counter()
        rows = run(sql, {**vars(self.plan), **self.ids, **(params or {})})
        self.counts[table] = self.counts.get(table, 0) + max(rows, 0)
        took = time.perf_counter() - start
        total = time.perf_counter() - self.started
        self.out(f"  {label:<44} {rows:>11,} rows {took:7.1f} s  (at {total:6.1f} s)")

    def seed(self):
        self.ids = {
            "heavy": one("SELECT id FROM accounts_user WHERE email = %s", [HEAVY_EMAIL]),
            "instructor": one("SELECT id FROM accounts_user WHERE email = %s", [INSTRUCTOR_EMAIL]),
            "official_deck": one("SELECT min(id) FROM flashcards_deck WHERE course_id IS NOT NULL"),
            "standard": one("SELECT min(id) FROM acs_acsstandard"),
            "password": make_password("groundschool"),
            "prior": PRIOR,
        }
        run("SET session_replication_role = replica")  # no per-row FK triggers while loading
        try:
            self.seed_learners()
            self.seed_courses()
            self.seed_enrollments()
            self.seed_assessments()
            self.seed_flashcards()
            self.seed_orals_and_gouge()
        finally:
            run("SET session_replication_role = DEFAULT")
        self.finish()
        return self.counts

    def seed_learners(self):
        self.step(
            "users",
            "accounts_user",
            """INSERT INTO accounts_user (password, is_superuser, first_name, last_name,
                 is_staff, is_active, date_joined, email)
               SELECT %(password)s, false, 'Learner', n::text, false, true,
                 now() - (n %% 900) * interval '1 day', 'learner' || n || '@scale.test'
               FROM generate_series(1, %(learners)s) n""",
        )
        run(
            """CREATE TEMP TABLE learner AS
               SELECT id AS user_id, split_part(split_part(email, '@', 1), 'learner', 2)::int AS n
               FROM accounts_user WHERE email LIKE '%%@scale.test'"""
        )
        run("CREATE UNIQUE INDEX ON learner (n)")
        self.step(
            "profiles",
            "accounts_profile",
            """INSERT INTO accounts_profile (user_id, display_name, bio, location, avatar,
                 faa_certificate_grade, faa_certificate_number)
               SELECT user_id, 'Learner ' || n, '', '', '', '', '' FROM learner""",
        )
        self.step(
            "preferences",
            "accounts_preferences",
            """INSERT INTO accounts_preferences (user_id, timezone, language, theme,
                 email_notifications, study_reminder_frequency, show_progress_to_instructors)
               SELECT user_id, 'UTC', 'en-us', 'system', true, 'weekly', true FROM learner""",
        )
        self.step(
            "verified email addresses (allauth)",
            "account_emailaddress",
            """INSERT INTO account_emailaddress (email, verified, "primary", user_id)
               SELECT 'learner' || n || '@scale.test', true, true, user_id FROM learner""",
        )
        self.step(
            "premium subscriptions (1 in 10)",
            "accounts_subscription",
            """INSERT INTO accounts_subscription (tier, status, start_date, end_date, auto_renew,
                 payment_method, payment_id, created_at, updated_at, user_id)
               SELECT 'premium', 'active', now() - interval '30 days', now() + interval '335 days',
                 true, 'card', 'scale-' || n, now(), now(), user_id
               FROM learner WHERE n %% 10 = 0""",
        )

    def seed_courses(self):
        """Clone the template course's subtree ``courses`` times as siblings."""
        index_path, course_path = (
            "SELECT parent.path FROM wagtailcore_page parent, wagtailcore_page course "
            "WHERE course.slug = %s AND course.path LIKE parent.path || '____' "
            "AND parent.depth = course.depth - 1",
            "SELECT path FROM wagtailcore_page WHERE slug = %s",
        )
        parent = one(index_path, [TEMPLATE_COURSE_SLUG])
        template = one(course_path, [TEMPLATE_COURSE_SLUG])
        last_step = one(
            "SELECT max(path) FROM wagtailcore_page WHERE path LIKE %s AND depth = %s",
            [parent + "____", len(parent) // 4 + 1],
        )[-4:]
        first = int(last_step, 36) + 1
        paths = [parent + to_step(first + n) for n in range(self.plan.courses)]
        run("CREATE TEMP TABLE clone (n int PRIMARY KEY, path text)")
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO clone VALUES (%s, %s)", list(enumerate(paths, start=1)))
        columns = page_columns()
        rewritten = {
            "path": "clone.path || substr(t.path, %(cut)s)",
            "title": "CASE WHEN t.path = %(template)s THEN t.title || ' ' || clone.n "
            "ELSE t.title END",
            "draft_title": "CASE WHEN t.path = %(template)s THEN t.title || ' ' || clone.n "
            "ELSE t.draft_title END",
            "slug": "CASE WHEN t.path = %(template)s THEN t.slug || '-' || clone.n ELSE t.slug END",
            "url_path": "replace(t.url_path, %(slug)s || '/', %(slug)s || '-' || clone.n || '/')",
            "translation_key": "gen_random_uuid()",
            "live_revision_id": "NULL",
            "latest_revision_id": "NULL",
        }
        select = ", ".join(rewritten.get(column, f"t.{column}") for column in columns)
        params = {"cut": len(template) + 1, "template": template, "slug": TEMPLATE_COURSE_SLUG}
        self.step(
            f"course pages (cloned, with modules and lessons) x{self.plan.courses}",
            "wagtailcore_page",
            f"""INSERT INTO wagtailcore_page ({", ".join(columns)})
                SELECT {select} FROM wagtailcore_page t, clone
                WHERE t.path LIKE %(template)s || '%%'""",
            params,
        )
        run(
            "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE path = %s",
            [self.plan.courses, parent],
        )
        for table in ("courses_coursepage", "courses_modulepage", "courses_lessonpage"):
            rest = [c for c in table_columns(table) if c != "page_ptr_id"]
            copied = ", ".join(f"s.{column}" for column in rest)
            self.step(
                table,
                table,
                f"""INSERT INTO {table} (page_ptr_id, {", ".join(rest)})
                    SELECT new.id, {copied} FROM {table} s
                    JOIN wagtailcore_page old ON old.id = s.page_ptr_id
                    JOIN clone ON true
                    JOIN wagtailcore_page new ON new.path = clone.path || substr(old.path, %(cut)s)
                    WHERE old.path LIKE %(template)s || '%%'""",
                params,
            )
        run(
            """CREATE TEMP TABLE course AS
               SELECT clone.n, p.id FROM clone JOIN wagtailcore_page p ON p.path = clone.path"""
        )
        run("CREATE UNIQUE INDEX ON course (n)")
        run(
            """CREATE TEMP TABLE course_lesson AS
               SELECT c.id AS course_id, l.page_ptr_id AS lesson_id,
                 row_number() OVER (PARTITION BY c.id ORDER BY p.path) AS rn
               FROM courses_lessonpage l JOIN wagtailcore_page p ON p.id = l.page_ptr_id
               JOIN wagtailcore_page c ON c.path = substr(p.path, 1, %s)""",
            [len(template)],
        )
        run("CREATE INDEX ON course_lesson (course_id, rn)")
        self.step(
            "instructor credited on 1 in 10 courses",
            "courses_courseinstructor",
            """INSERT INTO courses_courseinstructor (sort_order, user_id, page_id)
               SELECT 0, %(instructor)s, id FROM course WHERE n %% 10 = 0""",
        )

    def seed_enrollments(self):
        self.step(
            "enrollments (1-5 courses per learner)",
            "enrollments_enrollment",
            """INSERT INTO enrollments_enrollment (status, enrolled_date, completion_date,
                 last_accessed, progress_percentage, total_time_spent, course_id, user_id)
               SELECT CASE WHEN (l.n + j) %% 7 = 0 THEN 'completed' ELSE 'active' END,
                 now() - ((l.n * (j + 1)) %% 400) * interval '1 day',
                 CASE WHEN (l.n + j) %% 7 = 0 THEN now() - interval '1 day' END,
                 now() - ((l.n + j) %% 30) * interval '1 day',
                 (l.n * 13 + j) %% 101, 600, c.id, l.user_id
               FROM learner l, generate_series(0, l.n %% 5) j, course c
               WHERE c.n = 1 + (l.n * 7 + j * 389) %% %(courses)s""",
        )
        self.step(
            "heavy learner's enrollments",
            "enrollments_enrollment",
            """INSERT INTO enrollments_enrollment (status, enrolled_date, last_accessed,
                 progress_percentage, total_time_spent, course_id, user_id)
               SELECT 'active', now() - n * interval '1 hour', now() - n * interval '1 hour',
                 n %% 100, 60, id, %(heavy)s
               FROM course WHERE n <= %(heavy_enrollments)s""",
        )
        self.step(
            "lesson progress (0-8 lessons per enrollment)",
            "enrollments_lessonprogress",
            """INSERT INTO enrollments_lessonprogress (completed, completed_date, time_spent,
                 percentage, video_position, last_accessed, enrollment_id, lesson_id)
               SELECT true, e.enrolled_date + cl.rn * interval '1 day', 300, 100, 0,
                 e.enrolled_date + cl.rn * interval '1 day', e.id, cl.lesson_id
               FROM enrollments_enrollment e
               JOIN course_lesson cl ON cl.course_id = e.course_id AND cl.rn <= e.id %% 9
               WHERE e.course_id IN (SELECT id FROM course)""",
        )
        self.step(
            "activity log (2 per enrollment)",
            "enrollments_useractivity",
            """INSERT INTO enrollments_useractivity (user_id, type, course_id, data, created_at)
               SELECT e.user_id, kind, e.course_id, '{}', e.enrolled_date
               FROM enrollments_enrollment e, unnest(ARRAY['enrolled', 'lesson_viewed']) kind
               WHERE e.course_id IN (SELECT id FROM course)""",
        )
        self.step(
            "study days (1-20 per learner, 365 heavy)",
            "enrollments_studyday",
            """INSERT INTO enrollments_studyday (user_id, date)
               SELECT user_id, current_date - 1 - d FROM learner, generate_series(0, n %% 20) d
               UNION ALL
               SELECT %(heavy)s, current_date - 1 - d FROM generate_series(0, 364) d
               ON CONFLICT DO NOTHING""",
        )

    def seed_assessments(self):
        self.step(
            "quiz attempts (1 in 2 learners, some twice)",
            "assessments_attempt",
            """INSERT INTO assessments_attempt (attempt_number, question_ids, choice_order,
                 started_at, submitted_at, auto_submitted, time_taken, score, max_score,
                 percentage, passed, user_agent, assessment_id, user_id)
               SELECT k, q.ids, '{}', now() - (l.n %% 300 + k) * interval '1 day',
                 now() - (l.n %% 300 + k) * interval '1 day' + interval '10 minutes', false,
                 600, q.total * pct / 100, q.total, pct, pct >= 70, 'bench', q.id, l.user_id
               FROM learner l
               JOIN (SELECT a.id, jsonb_agg(qn.id ORDER BY qn.sort_order) AS ids,
                       sum(qn.points) AS total, row_number() OVER (ORDER BY a.id) AS rn,
                       count(*) OVER () AS how_many
                     FROM assessments_assessment a
                     JOIN assessments_question qn ON qn.assessment_id = a.id GROUP BY a.id) q
                 ON q.rn = 1 + l.n %% q.how_many
               CROSS JOIN LATERAL generate_series(1, 1 + (l.n %% 6 = 0)::int) k
               CROSS JOIN LATERAL (SELECT 40 + (l.n * 7 + k * 11) %% 61 AS pct) p
               WHERE l.n %% 2 = 0""",
        )
        self.step(
            "attempt answers (every drawn question)",
            "assessments_attemptanswer",
            """INSERT INTO assessments_attemptanswer (selected_choices, text_answer, is_correct,
                 points_earned, answered_at, attempt_id, question_id)
               SELECT '[]', '', (a.id + qn.id) %% 3 <> 0,
                 CASE WHEN (a.id + qn.id) %% 3 <> 0 THEN qn.points ELSE 0 END,
                 a.submitted_at, a.id, qn.id
               FROM assessments_attempt a JOIN assessments_question qn
                 ON qn.assessment_id = a.assessment_id
               WHERE a.user_agent = 'bench'""",
        )

    def seed_flashcards(self):
        self.step(
            "learners studying the official deck (1 in 2)",
            "flashcards_deckstudy",
            """INSERT INTO flashcards_deckstudy (added_at, deck_id, user_id)
               SELECT now() - (n %% 300) * interval '1 day', %(official_deck)s, user_id
               FROM learner WHERE n %% 2 = 1""",
        )
        run(
            """INSERT INTO flashcards_deck (name, description, is_public, purpose, created_at,
                 updated_at, owner_id)
               VALUES ('Scale deck', '', false, 'general', now(), now(), %(heavy)s)""",
            self.ids,
        )
        self.ids["heavy_deck"] = one(
            "SELECT max(id) FROM flashcards_deck WHERE name = 'Scale deck'"
        )
        self.step(
            "heavy learner's own cards",
            "flashcards_flashcard",
            """INSERT INTO flashcards_flashcard (front, back, difficulty, tags, source_key,
                 position, created_at, updated_at, deck_id)
               SELECT 'Question ' || n, 'Answer ' || n, 2, '', '', n, now(), now(), %(heavy_deck)s
               FROM generate_series(1, %(heavy_cards)s) n""",
        )
        with dropped_indexes("flashcards_cardstate"):
            self.step(
                "card states (every official card per studying learner)",
                "flashcards_cardstate",
                f"""INSERT INTO flashcards_cardstate ({STATE_COLUMNS})
                    SELECT {state_values("l.n")}
                    FROM flashcards_deckstudy s JOIN learner l ON l.user_id = s.user_id
                    JOIN flashcards_flashcard c ON c.deck_id = s.deck_id""",
            )
            self.step(
                "heavy learner's card states",
                "flashcards_cardstate",
                f"""INSERT INTO flashcards_cardstate ({STATE_COLUMNS})
                    SELECT {state_values("0")}
                    FROM (SELECT %(heavy)s AS user_id) s
                    JOIN flashcards_flashcard c ON c.deck_id = %(heavy_deck)s""",
            )
        learners_studying = one("SELECT count(*) FROM flashcards_deckstudy")
        per_learner = max(1, (self.plan.review_logs - self.plan.heavy_logs) // learners_studying)
        with dropped_indexes("flashcards_reviewlog"):
            self.step(
                f"review logs (~{per_learner} per studying learner)",
                "flashcards_reviewlog",
                f"""INSERT INTO flashcards_reviewlog ({LOG_COLUMNS})
                    SELECT {log_values("l.n", OFFICIAL_CARD)}
                    FROM flashcards_deckstudy s JOIN learner l ON l.user_id = s.user_id
                    CROSS JOIN (SELECT array_agg(id ORDER BY id) AS cards FROM flashcards_flashcard
                                WHERE deck_id = %(official_deck)s) deck
                    CROSS JOIN LATERAL generate_series(1, %(per)s * (1 + l.n %% 10) * 2 / 11) g""",
                {"per": per_learner},
            )
            self.step(
                "heavy learner's review logs",
                "flashcards_reviewlog",
                f"""INSERT INTO flashcards_reviewlog ({LOG_COLUMNS})
                    SELECT {log_values("0", "cards[1 + (g * 31) %% array_length(cards, 1)]")}
                    FROM (SELECT %(heavy)s AS user_id) l
                    CROSS JOIN (SELECT array_agg(id ORDER BY id) AS cards FROM flashcards_flashcard
                                WHERE deck_id = %(heavy_deck)s) deck
                    CROSS JOIN generate_series(1, %(heavy_logs)s) g""",
            )

    def seed_orals_and_gouge(self):
        self.ids["oral_before"] = one("SELECT coalesce(max(id), 0) FROM orals_mockoralsession")
        self.step(
            "mock oral sessions (2 for 1 in 5 learners, 50 heavy)",
            "orals_mockoralsession",
            """INSERT INTO orals_mockoralsession (acs_type, planned_minutes, started_at,
                 completed_at, score, standard_id, user_id, airplane_class, knowledge_test_codes)
               SELECT 'Private Pilot Airplane', 30, now() - (n %% 200 + k) * interval '1 day',
                 now() - (n %% 200 + k) * interval '1 day' + interval '30 minutes',
                 (n * 7 + k) %% 101, %(standard)s, user_id, 'ASEL', '[]'
               FROM (SELECT n, user_id, generate_series(1, 2) k FROM learner WHERE n %% 5 = 0
                     UNION ALL SELECT 0, %(heavy)s, generate_series(1, 50)) s""",
        )
        run(
            """CREATE TEMP TABLE oral_session AS
               SELECT id, row_number() OVER (ORDER BY id) AS n FROM orals_mockoralsession
               WHERE id > %(oral_before)s""",
            self.ids,
        )
        self.step(
            "mock oral session tasks (3 each)",
            "orals_mockoralsession_tasks",
            """INSERT INTO orals_mockoralsession_tasks (mockoralsession_id, acstask_id)
               SELECT s.id, t.id FROM oral_session s
               JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn,
                       count(*) OVER () AS how_many FROM acs_acstask) t
                 ON t.rn IN (s.n %% t.how_many, (s.n + 1) %% t.how_many,
                             (s.n + 2) %% t.how_many)""",
        )
        self.step(
            "mock oral items (5 graded elements each)",
            "orals_mockoralitem",
            """INSERT INTO orals_mockoralitem ("order", grade, graded_at, element_id, session_id,
                 answer_grade, follow_up, follow_up_grade)
               SELECT e.rn %% 5, g.grade, now(), e.id, s.id, g.grade, '', ''
               FROM oral_session s
               JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn,
                       count(*) OVER () AS how_many FROM acs_acselement) e
                 ON e.rn >= (s.n * 5) %% (e.how_many - 5)
                AND e.rn < (s.n * 5) %% (e.how_many - 5) + 5
               CROSS JOIN LATERAL (SELECT CASE WHEN (s.n + e.rn) %% 4 = 0 THEN 'unsatisfactory'
                                     ELSE 'satisfactory' END AS grade) g""",
        )
        self.step(
            "examiner gouge reports (9 in 10 approved)",
            "gouge_gougereport",
            """INSERT INTO gouge_gougereport (checkride_date, certificate, outcome, overall_rating,
                 oral_difficulty, flight_difficulty, stress_level, what_came_up,
                 unexpected_elements, acs_codes, status, moderation_note, moderated_at,
                 created_at, updated_at, author_id, examiner_id)
               SELECT current_date - (l.n %% 1000), 'private',
                 CASE WHEN l.n %% 5 = 0 THEN 'fail' ELSE 'pass' END, 1 + l.n %% 5, 1 + l.n %% 3,
                 1 + (l.n / 3) %% 3, 1 + (l.n / 5) %% 5,
                 'Weather briefing, airspace around the field and a diversion.', '',
                 'PA.I.C, PA.III.A', CASE WHEN l.n %% 10 = 0 THEN 'pending' ELSE 'approved' END,
                 '', now(), now() - (l.n %% 1000) * interval '1 day', now(), l.user_id, x.id
               FROM learner l
               JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn,
                       count(*) OVER () AS how_many FROM snippets_examiner) x
                 ON x.rn = l.n %% x.how_many
               WHERE l.n <= %(gouge_reports)s""",
        )

    def finish(self):
        from community.gouge.tasks import recompute_all_examiner_stats

        recompute_all_examiner_stats()
        start = time.perf_counter()
        run("ANALYZE")
        self.out(f"  {'ANALYZE':<44} {'':>16} {time.perf_counter() - start:7.1f} s")


OFFICIAL_CARD = "cards[1 + (g * 31 + l.n) %% array_length(cards, 1)]"
STATE_COLUMNS = (
    "state, step, stability, difficulty, due, last_review, reps, lapses, suspended, "
    "created_at, updated_at, user_id, card_id"
)
LOG_COLUMNS = (
    "rating, reviewed_at, duration_ms, state_before, state_after, due_before, due_after, "
    "retrievability, prior, shown_token, imported, card_id, user_id"
)


def state_values(n):
    """A learner's card: 3 in 10 new, 1 in 10 learning, the rest in review, some due."""
    mix = f"(({n}) + c.position) %% 10"
    return f"""CASE WHEN {mix} < 3 THEN 0 WHEN {mix} = 3 THEN 1 ELSE 2 END,
        CASE WHEN {mix} = 3 THEN 1 END,
        CASE WHEN {mix} >= 3 THEN 1 + (({n}) * 7 + c.id) %% 90 END,
        CASE WHEN {mix} >= 3 THEN 1 + (({n}) + c.id) %% 9 END,
        now() + ((({n}) * 7 + c.id) %% 60 - 6) * interval '1 day',
        CASE WHEN {mix} >= 3 THEN now() - interval '2 days' END,
        CASE WHEN {mix} >= 3 THEN 3 ELSE 0 END, 0, false, now(), now(), s.user_id, c.id"""


def log_values(n, card):
    """One rating g of a history reaching back a little over a year."""
    return f"""1 + (g + ({n})) %% 4,
        now() - (g %% 400) * interval '1 day' - g * interval '1 second',
        4000 + g %% 9000, 2, 2, now() - interval '1 day', now() + (g %% 30) * interval '1 day',
        0.9, %(prior)s::jsonb, 'seed.' || g, false, {card}, l.user_id"""


def to_step(number):
    """A treebeard path step: four base-36 digits."""
    digits = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        digits = STEP_ALPHABET[digit] + digits
    return digits


def table_columns(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "ORDER BY ordinal_position",
            [table],
        )
        return [f'"{row[0]}"' if row[0] == "order" else row[0] for row in cursor.fetchall()]


def page_columns():
    return [column for column in table_columns("wagtailcore_page") if column != "id"]


class dropped_indexes:
    """Drop a table's secondary indexes for a bulk load and rebuild them after, which is
    several times faster than maintaining them row by row."""

    def __init__(self, table):
        self.table = table

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s
                   AND indexname NOT IN (SELECT conname FROM pg_constraint)""",
                [self.table],
            )
            self.definitions = cursor.fetchall()
            for name, _ in self.definitions:
                cursor.execute(f'DROP INDEX "{name}"')

    def __exit__(self, *exc):
        run("SET maintenance_work_mem = '256MB'")
        for _, definition in self.definitions:
            run(definition)
