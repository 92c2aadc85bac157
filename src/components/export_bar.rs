//! "Imprimir", "Descargar PNG", "Descargar SVG" and "Descargar JSON": everything is made in the
//! browser from the answers on screen.

use yew::prelude::*;

use crate::answers::Answers;
use crate::chart::{self, Series};
use crate::export;
use crate::i18n::{Locale, fill};
use crate::model::Version;
use crate::platform::files::{self, Delivery};
use crate::platform::page;
use crate::scoring;
use crate::target::Target;

/// Properties of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub(crate) struct ExportBarProps {
    /// The language to show.
    pub(crate) locale: Locale,
    /// The version answered.
    pub(crate) version: Version,
    /// The answers shown.
    pub(crate) answers: Answers,
    /// The radar's series, as on screen.
    pub(crate) series: Vec<Series>,
    /// The role's target, when the result is read against one.
    #[prop_or_default]
    pub(crate) target: Option<Target>,
}

/// Size of the exported PNG's longer side, in pixels.
const PNG_WIDTH: u32 = 1200;

/// The export buttons and a live status line.
#[component]
pub(crate) fn ExportBar(props: &ExportBarProps) -> Html {
    let status = use_state(String::new);
    let locale = props.locale;
    let later = crate::i18n::later_ui(locale);
    let base_name = format!("perfil-cm-{}", page::today());

    let report = move |status: UseStateHandle<String>,
                       file: String,
                       result: Result<Delivery, files::DownloadError>| {
        status.set(match result {
            Ok(Delivery::Started) => fill(later.download_done, &[("file", &file)]),
            Ok(Delivery::Unconfirmed) => fill(later.download_unconfirmed, &[("file", &file)]),
            Err(_) => later.download_failed.to_owned(),
        });
    };

    let on_json = {
        let (status, answers, version) = (status.clone(), props.answers.clone(), props.version);
        let target = props.target.clone();
        let file = format!("{base_name}.json");
        Callback::from(move |_: MouseEvent| {
            let profile = scoring::profile(&answers, None);
            let json = export::json(
                locale,
                version,
                &answers,
                &profile,
                target.as_ref(),
                &page::today(),
            );
            report(
                status.clone(),
                file.clone(),
                files::download_text(&file, "application/json", &json),
            );
        })
    };
    let svg_text = chart::svg_document(
        locale,
        crate::i18n::later_ui(locale).radar_title,
        &props.series,
    );
    let on_svg = {
        let (status, svg) = (status.clone(), svg_text.clone());
        let file = format!("{base_name}.svg");
        Callback::from(move |_: MouseEvent| {
            report(
                status.clone(),
                file.clone(),
                files::download_text(&file, "image/svg+xml", &svg),
            );
        })
    };
    let on_png = {
        let (status, svg) = (status.clone(), svg_text);
        let file = format!("{base_name}.png");
        Callback::from(move |_: MouseEvent| {
            let (status, done_file) = (status.clone(), file.clone());
            // The SVG's own width and height give the aspect ratio.
            let (width, height) = chart::svg_size(locale);
            let png_height = (f64::from(PNG_WIDTH) * height / width).round() as u32;
            files::download_png(&svg, PNG_WIDTH, png_height, &file, move |result| {
                report(status, done_file, result);
            });
        })
    };

    html! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title" class="export__title">{ later.export_title }</h2>
            <div class="export__buttons">
                <button type="button" class="button button--small" onclick={Callback::from(|_: MouseEvent| page::print())}>
                    { later.print }
                </button>
                <button type="button" class="button button--small" onclick={on_png}>{ later.download_png }</button>
                <button type="button" class="button button--small" onclick={on_svg}>{ later.download_svg }</button>
                <button type="button" class="button button--small" onclick={on_json}>{ later.download_json }</button>
            </div>
            <p class="export__status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
