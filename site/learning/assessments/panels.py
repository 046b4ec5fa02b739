"""The assessment editor's layout: the quiz's rules on one tab, its bank on the other.

Questions are an InlinePanel and each question's choices an InlinePanel inside it
(Question is a ClusterableModel), so the whole bank is edited, reordered and saved in
one form, checked as a whole by forms.AssessmentAdminForm.
"""

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)

from learning.acs.panels import AcsElementsPanel, TaggedInlinePanel

from .forms import AssessmentAdminForm

QUESTION_HELP = (
    "Single choice and true/false: exactly one right choice (true/false has two). "
    "Multiple choice: one or more right choices. Short answer: the accepted answers. "
    "Numeric: the number and how far off an answer may be."
)

CHOICE_PANELS = [
    FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct")]),
    FieldPanel("explanation"),
]

QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("question_type"), FieldPanel("points")]),
    FieldPanel("text"),
    InlinePanel("choices", label="Choice", heading="Choices", panels=CHOICE_PANELS),
    MultiFieldPanel(
        [
            FieldPanel("accepted_answers"),
            FieldRowPanel([FieldPanel("case_sensitive"), FieldPanel("ignore_whitespace")]),
        ],
        heading="Short answer",
    ),
    FieldRowPanel(
        [FieldPanel("numeric_answer"), FieldPanel("numeric_tolerance")], heading="Numeric"
    ),
    FieldPanel("explanation"),
    AcsElementsPanel(),
]

QUIZ_PANELS = [
    FieldPanel("title"),
    PageChooserPanel("lesson", page_type="courses.LessonPage"),
    FieldPanel("instructions"),
    MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("passing_score"),
                    FieldPanel("max_attempts"),
                    FieldPanel("min_wait_minutes"),
                ]
            ),
            FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("questions_per_attempt")]),
        ],
        heading="Attempts",
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("randomize_questions"), FieldPanel("shuffle_choices")]),
            FieldRowPanel(
                [FieldPanel("show_results_immediately"), FieldPanel("show_correct_answers")]
            ),
            FieldPanel("required_for_certificate"),
        ],
        heading="Order, results and certificate",
    ),
    MultiFieldPanel(
        [FieldRowPanel([FieldPanel("reviewed_by"), FieldPanel("current_as_of")])],
        heading="Review",
        help_text="Who checked this question bank against the regulations and the ACS, and when.",
    ),
]

edit_handler = TabbedInterface(
    [
        ObjectList(QUIZ_PANELS, heading="Quiz"),
        ObjectList(
            [
                HelpPanel(content=f"<p>{QUESTION_HELP}</p>"),
                TaggedInlinePanel(
                    "questions", label="Question", heading="Questions", panels=QUESTION_PANELS
                ),
            ],
            heading="Questions",
        ),
    ],
    base_form_class=AssessmentAdminForm,
)
