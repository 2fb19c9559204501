"""Name lists: common given names (evidence that a capitalised pair is a person) and places.

General lists, written once; a given name alone never makes a speaker, it only tells a person's name
from a place or a product when nothing else in the sentence does. The given names are the list below
and the US Census Bureau's 1990 list in `searchapp/resources/given_names.txt` (built by
`bench/build_given_names.py`, which says how).
"""

from __future__ import annotations

from pathlib import Path

import searchapp.resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _census_names() -> dict[str, str]:
    """Given name -> "m", "f" or "u" (either), from the resource file (read beside the resources
    package rather than through importlib.resources, which costs more to import than the file does
    to read, in every worker process)."""
    text = (Path(searchapp.resources.__file__).parent / "given_names.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0]: row[1] if len(row) > 1 else "u" for row in rows}


# The sex that bears a given name far more often than the other ("m", "f"), or "u".
NAME_GENDER = _census_names()
GIVEN_NAMES = frozenset(NAME_GENDER) | _words(
    """
    Aaron Abdul Abdullah Abraham Adam Adrian Ahmed Ahmad Aidan Alan Alastair Albert Alec Alex Alexander
    Alexandra Alexis Alfred Ali Alice Alicia Alison Alistair Allan Allen Alvin Amanda Amber Amy Ana Andre
    Andrea Andreas Andrew Andy Angela Angelina Angus Ann Anna Anne Annie Anthony Anton Antonio Arnold Arthur
    Ashley Audrey Barbara Barry Bart Ben Benjamin Bernard Bernie Beth Betty Bill Billy Bob Bobby Boris
    Brad Bradley Brandon Brenda Brendan Brian Bruce Bryan Caitlin Calvin Cameron Carl Carla Carlos Carol
    Caroline Carolyn Catherine Cathy Cecilia Charles Charlie Charlotte Cherie Chris Christian Christina
    Christine Christopher Claire Clare Clara Claude Claudia Clive Colin Connor Craig Cynthia Dale Damian
    Damien Dan Daniel Danielle Danny Darren Dave David Dean Debbie Deborah Denis Dennis Derek Diana
    Diane Dick Dominic Don Donald Donna Doris Dorothy Doug Douglas Duncan Dylan Ed Eddie Edgar Edith Edmund
    Edward Edwin Eileen Elaine Eleanor Elena Eli Elizabeth Ella Ellen Emily Emma Eric Erik Ernest Eva Evan
    Eve Fiona Frances Francesco Francis Francisco Frank Frankie Fred Freddie Frederick Gabriel Gareth Gary
    Gavin Gene Geoff Geoffrey George Georgia Gerald Gerard Gerry Gillian Glen Glenn Gloria Gordon Graham
    Grant Greg Gregory Hamish Hannah Harold Harriet Harry Harvey Hazel Heather Helen Helena Henry Herbert
    Howard Hugh Hugo Ian Imran Irene Iris Isaac Isabel Ivan Jack Jackie Jacob Jacques Jake James Jamie Jan
    Jane Janet Janice Jason Jean Jeff Jeffrey Jennifer Jenny Jeremy Jerry Jess Jessica Jill Jim Jimmy Jo
    Joan Joanna Joanne Joe Joel Johan John Johnny Jon Jonathan Jordan Jose Joseph Josh Joshua Joy Joyce
    Juan Judith Judy Julia Julian Julie Justin Karen Karl Kate Katherine Kathleen Kathryn Katie Kay Keith
    Kelly Ken Kenneth Kevin Kim Kirsty Kate Kurt Kyle Larry Laura Lauren Lawrence Lee Leo Leon Leonard
    Leslie Lewis Liam Linda Lindsay Lisa Liz Lloyd Lorraine Louis Louise Lucy Luis Luke Lynn Malcolm
    Marc Marco Margaret Maria Marie Marilyn Mario Mark Martha Martin Mary Matt Matthew Maureen Maurice Max
    Megan Melanie Melissa Michael Michel Michelle Mick Mike Miles Ming Mohammed Mohammad Muhammad Monica
    Nancy Naomi Natalie Nathan Neil Nelson Nicholas Nick Nicola Nicole Nigel Noel Norman Oliver Olivia
    Omar Owen Pamela Pat Patricia Patrick Paul Paula Pauline Pedro Penny Pete Peter Phil Philip Phillip
    Pierre Rachel Ralph Ray Raymond Rebecca Richard Rick Rob Robbie Robert Robin Rod Roger Ron Ronald Rory
    Rose Ross Roy Ruby Russ Russell Ruth Ryan Sally Sam Samantha Samuel Sandra Sara Sarah Scott Sean Sebastian
    Serena Sergei Sergey Shane Sharon Shaun Sheila Shirley Simon Sophie Stan Stanley Stella Stephanie
    Stephen Steve Steven Stewart Stuart Sue Susan Suzanne Sylvia Tam Tanya Ted Terry Tessa Theresa Thomas
    Tim Timothy Tina Toby Todd Tom Tommy Tony Tracey Tracy Trevor Valerie Vanessa Vera Victor Victoria
    Vincent Virginia Vivian Walter Wayne Wendy William Willie Yvette Yvonne Zoe Zac Zach Zachary
    Akira Alain Alberto Alejandro Aleksandr Alexei Amir Andrei Angel Antoine Arjun Arturo Ashok Aung Bashar
    Bernd Bruno Carlo Carmen Cesar Chen Chris Christophe Cristina Dario Diego Dimitri Dmitry Eduardo Emmanuel
    Enrico Fabio Fernando Francois François Franz Fritz Gerhard Giorgio Giovanni Giuseppe Gustavo Hans Hassan
    Heinz Helmut Hiroshi Hussein Ibrahim Igor Ingrid Ioan Isabelle Jaime Javier Jean-Claude Jean-Marie
    Jean-Pierre Jens Joachim Jorge Juergen Jürgen Kenji Khalid Klaus Kofi Koji Lars Laurent Lorenzo Luca
    Luigi Manuel Marcel Marcelo Mariano Marina Markus Massimo Mikhail Miguel Mikko Mohamed Nadia Nikolai
    Nicolas Olga Pablo Paolo Pascal Raul Ricardo Roberto Rafael Ramon Rashid Rolf Romano Salim Salvatore
    Sanjay Sergio Shinzo Silvio Stefan Stefano Sven Tariq Thierry Ulrich Vladimir Wolfgang Xavier Yasser
    Yuri Yusuf Ahmet Anil Rahul Raj Rajiv Ravi Sunil Vijay Amit Manmohan Sonia Indira Priya Sachin
    Haile Hicham Paula Kelly Darren Jonny Lawrence Thierry Jose Arsene Rafa Kylie
    Britney Madonna Elton Mick Keanu Leonardo Brad Angelina Tom Nicole Meryl Kate Jude Colin Clint
    Gwyneth Halle Hilary Hillary Jodie Kiefer Quentin Renee Russell Scarlett Uma Whoopi Woody Orlando
    Bono Robbie Liam Noel Damon Ozzy Sharon Kanye Jay Dido Norah Joss Beyonce Usher Eminem Shakira Bjork
    Condoleezza Colin Dick Donald Rudy Kofi Jacques Gerhard Silvio Junichiro Hu Wen Vladimir Ariel Mahmoud
    Yasser Saddam Osama Ayman Hamid Pervez Atal Nelson Thabo Robert Kim Roh Lee Thaksin Gloria Jose Luiz
    Lula Hugo Fidel Evo Alvaro Vicente Paul Jean-Michel Jean-Luc Jean-Paul Jean-Louis Jean-Marc Pascal
    Harriet Yvette Ruth Tessa Hazel Estelle Margaret Patricia Clare Mo Glenys Charlie
    Ming Alun Rhodri Ieuan Dafydd Seamus Gerry Martin Ian Bertie Enda Mary Mairead Nuala Niall Padraig
    """
)

# Countries, nationalities, regions and large cities: never a person, and a speaker only as
# "<place> government".
PLACES = _words(
    """
    Afghanistan Albania Algeria America Americas Angola Argentina Armenia Asia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma Cambodia Cameroon Canada
    Chad Chile China Colombia Congo Croatia Cuba Cyprus Czech Denmark Ecuador Egypt England Eritrea Estonia
    Ethiopia Europe Finland France Georgia Germany Ghana Greece Guatemala Haiti Holland Honduras Hungary
    Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo
    Kuwait Kyrgyzstan Laos Latvia Lebanon Liberia Libya Lithuania Luxembourg Macedonia Madagascar Malawi
    Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Namibia Nepal Netherlands
    Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan
    Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tibet Togo Tunisia Turkey Turkmenistan
    Uganda Ukraine Ulster Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Antarctica
    Arctic Atlantic Pacific Caribbean Balkans Scandinavia Siberia Gaza Palestinian Kashmir Darfur Chechnya
    States Kingdom Gibraltar Iberia Hollywood Bollywood Silicon Valley UK US USA Washington London Paris Berlin Moscow Tokyo
    Beijing Shanghai Delhi Mumbai Bombay Madrid Rome Milan Brussels Geneva Vienna Dublin Belfast Edinburgh
    Glasgow Cardiff Manchester Liverpool Birmingham Leeds Bradford Bristol Sheffield Newcastle Oxford
    Cambridge Yorkshire Lancashire Kent Essex Surrey Sussex Devon Cornwall Durham Aberdeen Dundee Jerusalem
    Baghdad Kabul Tehran Cairo Istanbul Ankara Athens Lisbon Barcelona Amsterdam Stockholm Oslo Copenhagen
    Helsinki Warsaw Prague Budapest Kiev Minsk Seoul Bangkok Jakarta Manila Sydney Melbourne Toronto
    Montreal Vancouver Chicago Boston Houston Dallas Atlanta Miami Seattle Detroit Texas California Florida
    Ohio Iowa Michigan Pennsylvania Virginia Carolina Arizona Nevada Colorado Oregon Alaska Hawaii Kansas
    Kentucky Tennessee Alabama Louisiana Missouri Wisconsin Minnesota Indiana Illinois Massachusetts
    Connecticut Maryland Utah Idaho Montana Wyoming Dakota Nebraska Oklahoma Arkansas Mississippi Maine
    Vermont Delaware Jersey York Hong Kong Kong Lanka Sri Zealand Arabia Emirates Leone Salvador Rica Costa
    Lagos Nairobi Johannesburg Harare Khartoum Riyadh Dubai Doha Karachi Islamabad Lahore Kathmandu Dhaka
    Hanoi Havana Caracas Bogota Lima Santiago Brasilia Rio Janeiro Sao Paulo Aires Buenos Mexico Quebec
    Ontario Westminster Whitehall Mayfair Soho Wembley Twickenham Anfield Bavaria Catalonia Normandy
    Provence Tuscany Sicily Sardinia Corsica Crete Cyprus Asia-Pacific Euro Eurozone Midlands Highlands
    British American French German Italian Spanish Russian Chinese Japanese Indian Irish Scottish Welsh
    English European African Asian Australian Canadian Mexican Brazilian Israeli Iraqi Iranian Afghan
    Pakistani Korean Dutch Belgian Swiss Swedish Norwegian Danish Finnish Polish Czech Greek Turkish
    Egyptian Saudi Syrian Lebanese Palestinian Jordanian Kenyan Nigerian Ugandan Ethiopian Somali Sudanese
    Zimbabwean Indonesian Malaysian Thai Vietnamese Filipino Singaporean Taiwanese Argentine Argentinian
    Chilean Peruvian Colombian Venezuelan Cuban Jamaican Portuguese Austrian Hungarian Romanian Bulgarian
    Serbian Croatian Bosnian Ukrainian Georgian Armenian Kyrgyz Kazakh Uzbek Tibetan Mongolian Bangladeshi
    Nepalese Kurdish Arab Arabic Latin Western Eastern Northern Southern Middle East West North South
    Yugoslav Soviet Catholic Christian Muslim Islamic Jewish Hindu Sikh Buddhist Protestant Anglican
    """
)
